package org.dangjian.flow.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
public class OrganizationRepository {

  private static final RowMapper<Organization> ROW = (rs, n) -> new Organization(
      rs.getString("id"), rs.getString("name"), OrganizationKind.valueOf(rs.getString("kind").toUpperCase()),
      rs.getString("parent_id"), rs.getBoolean("approves_admission"), rs.getBoolean("activist_points_enabled"));

  private final JdbcTemplate jdbc;

  OrganizationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Organization> findById(String id) {
    return jdbc.query("select * from organization where id = ?", ROW, id).stream().findFirst();
  }

  /** A closed organization (撤销) keeps its id and history; it takes no new cases, children, roles or members. */
  public boolean isClosed(String id) {
    return jdbc.queryForObject("select count(*) from organization where id = ? and status = 'closed'",
        Integer.class, id) > 0;
  }

  /** The ids of every closed organization: one query for a page that looks at the whole tree. */
  public java.util.Set<String> closedIds() {
    return java.util.Set.copyOf(jdbc.queryForList("select id from organization where status = 'closed'",
        String.class));
  }

  public List<Organization> findAll() {
    return jdbc.query("select * from organization order by sort_order, id", ROW);
  }

  /** Every organization by id: a tree read once, for pages and checks that walk it many times. */
  public java.util.Map<String, Organization> tree() {
    java.util.Map<String, Organization> tree = new java.util.LinkedHashMap<>();
    findAll().forEach(o -> tree.put(o.id(), o));
    return tree;
  }

  /** The organization and every organization above it, nearest first, on a tree already read (a cycle ends). */
  public static List<Organization> withAncestors(String organizationId, java.util.Map<String, Organization> tree) {
    java.util.Map<String, Organization> found = new java.util.LinkedHashMap<>();
    Organization current = tree.get(organizationId);
    while (current != null && found.putIfAbsent(current.id(), current) == null) {
      current = current.parentId() == null ? null : tree.get(current.parentId());
    }
    return List.copyOf(found.values());
  }

  public List<Organization> findBranches() {
    return jdbc.query("select * from organization where kind = 'branch' order by sort_order, id", ROW);
  }

  /** The nearest ancestor with approval power over admissions (a 基层党委, never a 党总支). */
  public Optional<Organization> approvingCommitteeOf(String organizationId) {
    return ancestorMatching(organizationId, o -> o.approvesAdmission());
  }

  /** The working committee (工委) above an organization, whose organization department files admissions. */
  public Optional<Organization> workingCommitteeOf(String organizationId) {
    return ancestorMatching(organizationId, o -> o.kind() == OrganizationKind.WORKING_COMMITTEE);
  }

  private Optional<Organization> ancestorMatching(String organizationId,
      java.util.function.Predicate<Organization> test) {
    Optional<Organization> current = findById(organizationId).flatMap(o -> parentOf(o));
    while (current.isPresent()) {
      if (test.test(current.get())) {
        return current;
      }
      current = parentOf(current.get());
    }
    return Optional.empty();
  }

  private Optional<Organization> parentOf(Organization organization) {
    return organization.parentId() == null ? Optional.empty() : findById(organization.parentId());
  }

  public void save(Organization o, int sortOrder) {
    jdbc.update("insert into organization (id, name, kind, parent_id, approves_admission, activist_points_enabled,"
        + " sort_order) values (?, ?, ?, ?, ?, ?, ?)", o.id(), o.name(), o.kind().name().toLowerCase(), o.parentId(),
        o.approvesAdmission(), o.activistPointsEnabled(), sortOrder);
  }

  public void update(Organization o, int sortOrder) {
    jdbc.update("update organization set name = ?, kind = ?, parent_id = ?, approves_admission = ?,"
        + " activist_points_enabled = ?, sort_order = ? where id = ?", o.name(), o.kind().name().toLowerCase(),
        o.parentId(), o.approvesAdmission(), o.activistPointsEnabled(), sortOrder, o.id());
  }
}
