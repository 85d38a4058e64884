package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every BPMN and DMN file says which engine it is for, as the forms do, so that Camunda Modeler lints it
 * against Camunda 7.24 when someone opens it (without the attributes Modeler checks nothing). bpmnlint itself
 * runs in the build (lint/, pom.xml).
 */
class ModelFilesTest {

  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";

  @Test
  void everyBpmnAndDmnFileDeclaresCamundaPlatform724() throws Exception {
    List<Path> files = modelFiles();
    assertThat(files).extracting(p -> p.getFileName().toString())
        .contains("MemberDevelopmentProcess.bpmn", "GradingLevelDecision.dmn");
    for (Path file : files) {
      Element definitions = parse(file);
      assertThat(definitions.getLocalName()).as(file.toString()).isEqualTo("definitions");
      assertThat(definitions.getAttributeNS(MODELER_NS, "executionPlatform")).as(file + " executionPlatform")
          .isEqualTo("Camunda Platform");
      assertThat(definitions.getAttributeNS(MODELER_NS, "executionPlatformVersion"))
          .as(file + " executionPlatformVersion").isEqualTo("7.24.0");
    }
  }

  static List<Path> modelFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn")).sorted().toList();
    }
  }

  static Element parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
  }
}
