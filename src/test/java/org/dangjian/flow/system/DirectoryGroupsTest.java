package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dangjian.flow.system.DirectoryProperties.GroupMapping;
import org.junit.jupiter.api.Test;

/** Which directory groups the engine sees under which of our ids (the mapping, without a directory). */
class DirectoryGroupsTest {

  private final DirectoryGroups groups = new DirectoryGroups(List.of(
      new GroupMapping("规土局党支部党务工作者", "guitu-clerk"),
      new GroupMapping("党建系统管理员", "camunda-admin"),
      new GroupMapping("keji-clerk", "keji-secretary")));

  @Test
  void aMappedDirectoryGroupIsSeenUnderOurIdAndOurIdFindsIt() {
    assertThat(groups.ours("规土局党支部党务工作者")).contains("guitu-clerk");
    assertThat(groups.directory("guitu-clerk")).contains("规土局党支部党务工作者");
    assertThat(groups.ours("党建系统管理员")).contains("camunda-admin");
    assertThat(groups.directory("camunda-admin")).contains("党建系统管理员");
  }

  @Test
  void aDirectoryGroupAlreadyNamedOurWayIsSeenAsItIs() {
    assertThat(groups.ours("fayuan-clerk")).contains("fayuan-clerk");
    assertThat(groups.directory("fayuan-clerk")).contains("fayuan-clerk");
    assertThat(groups.ours("gxq-jg-approver")).contains("gxq-jg-approver");
  }

  @Test
  void anyOtherDirectoryGroupIsNotSeenAtAll() {
    assertThat(groups.ours("食堂管理员")).isEmpty();
    assertThat(groups.ours("guitu-cook")).as("not one of our roles").isEmpty();
    assertThat(groups.ours("Guitu-Clerk")).isEmpty();
    assertThat(groups.directory("食堂管理员")).isEmpty();
    assertThat(groups.ours(null)).isEmpty();
    assertThat(groups.directory(null)).isEmpty();
  }

  @Test
  void aMappingWinsOverAGroupOfTheSameNameAndARenamedGroupIsNoLongerSeenUnderItsOwnName() {
    // a directory group literally called guitu-clerk is hidden: guitu-clerk is 规土局党支部党务工作者
    assertThat(groups.ours("guitu-clerk")).isEmpty();
    // keji-clerk of the directory is our keji-secretary, so our keji-clerk has no directory group
    assertThat(groups.ours("keji-clerk")).contains("keji-secretary");
    assertThat(groups.directory("keji-secretary")).contains("keji-clerk");
    assertThat(groups.directory("keji-clerk")).isEmpty();
  }

  @Test
  void aMappingThatIsNotOneToOneOrNamesNoGroupOfOursStopsTheStart() {
    assertThatThrownBy(() -> new DirectoryGroups(List.of(new GroupMapping("党务", "guitu-clerk"),
        new GroupMapping("党务", "fayuan-clerk")))).hasMessageContaining("映射了两次");
    assertThatThrownBy(() -> new DirectoryGroups(List.of(new GroupMapping("党务一", "guitu-clerk"),
        new GroupMapping("党务二", "guitu-clerk")))).hasMessageContaining("由两个目录组映射");
    assertThatThrownBy(() -> new DirectoryGroups(List.of(new GroupMapping("党务", "guitu-cook"))))
        .hasMessageContaining("不是本系统的组").hasMessageContaining("group-mapping[0]");
    assertThatThrownBy(() -> new DirectoryGroups(List.of(new GroupMapping(" ", "guitu-clerk"))))
        .hasMessageContaining("directory 为空");
  }
}
