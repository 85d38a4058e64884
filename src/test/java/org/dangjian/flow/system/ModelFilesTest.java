package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every BPMN and DMN file says which engine it is for, as the forms do, so that Camunda Modeler lints it
 * against Camunda 7.24 when someone opens it (without the attributes Modeler checks nothing). bpmnlint itself
 * runs in the build (lint/, pom.xml).
 */
class ModelFilesTest {

  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  static final String BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC_NS = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI_NS = "http://www.omg.org/spec/DD/20100524/DI";

  record Box(double x, double y, double w, double h) {
    /** Overlap deeper than {@code pad} on both axes (a shared border or a touching line is not an overlap). */
    boolean overlaps(Box o, double pad) {
      return x < o.x + o.w - pad && o.x < x + w - pad && y < o.y + o.h - pad && o.y < y + h - pad;
    }

    static Box of(double[] p, double[] q, double pad) {
      double x1 = Math.min(p[0], q[0]);
      double y1 = Math.min(p[1], q[1]);
      return new Box(x1 - pad, y1 - pad, Math.abs(p[0] - q[0]) + 2 * pad, Math.abs(p[1] - q[1]) + 2 * pad);
    }
  }

  /**
   * What a supervisor reads in Cockpit: no flow drawn through a shape it does not start or end at, no two flows on
   * the same line, every named event, gateway and flow with a label of its own place that covers no shape, flow or
   * other label (lint/tools/place-labels.py places them after a change to the layout).
   */
  @Test
  void everyDiagramDrawsNoFlowThroughAShapeOrOverAnotherAndNoLabelOverAnything() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Path file : modelFiles()) {
      if (file.toString().endsWith(".bpmn")) {
        problems.addAll(layoutProblems(file));
      }
    }
    assertThat(problems).isEmpty();
  }

  static List<String> layoutProblems(Path file) throws Exception {
    Element root = parse(file);
    Map<String, Element> elements = new HashMap<>();
    NodeList all = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (!e.getAttribute("id").isEmpty()) {
        elements.put(e.getAttribute("id"), e);
      }
    }
    List<String> problems = new ArrayList<>();
    NodeList planes = root.getElementsByTagNameNS(BPMNDI_NS, "BPMNPlane");
    for (int p = 0; p < planes.getLength(); p++) {
      Element plane = (Element) planes.item(p);
      String where = file.getFileName() + " " + plane.getAttribute("id") + ": ";
      Map<String, Box> shapes = new LinkedHashMap<>();
      Set<String> containers = new HashSet<>();
      Map<String, List<double[]>> edges = new LinkedHashMap<>();
      Map<String, Box> labels = new LinkedHashMap<>();
      for (Element shape : children(plane, BPMNDI_NS, "BPMNShape")) {
        String id = shape.getAttribute("bpmnElement");
        shapes.put(id, box(children(shape, DC_NS, "Bounds").get(0)));
        if ("true".equals(shape.getAttribute("isExpanded"))) {
          containers.add(id);
        }
        label(shape).ifPresent(b -> labels.put(id, b));
      }
      for (Element edge : children(plane, BPMNDI_NS, "BPMNEdge")) {
        String id = edge.getAttribute("bpmnElement");
        List<double[]> points = new ArrayList<>();
        for (Element w : children(edge, DI_NS, "waypoint")) {
          points.add(new double[] {Double.parseDouble(w.getAttribute("x")), Double.parseDouble(w.getAttribute("y"))});
        }
        edges.put(id, points);
        label(edge).ifPresent(b -> labels.put(id, b));
      }
      for (String id : shapes.keySet()) {
        String kind = elements.get(id).getLocalName();
        boolean external = kind.endsWith("Event") || kind.endsWith("Gateway");
        if (external && !elements.get(id).getAttribute("name").isEmpty() && !labels.containsKey(id)) {
          problems.add(where + id + " has no label place of its own");
        }
      }
      for (String id : edges.keySet()) {
        if (!elements.get(id).getAttribute("name").isEmpty() && !labels.containsKey(id)) {
          problems.add(where + id + " has no label place of its own");
        }
      }
      edges.forEach((id, points) -> {
        Element flow = elements.get(id);
        Set<String> ends = new HashSet<>(List.of(flow.getAttribute("sourceRef"), flow.getAttribute("targetRef")));
        for (String end : List.copyOf(ends)) {
          Element e = elements.get(end);
          if (e != null && !e.getAttribute("attachedToRef").isEmpty()) {
            ends.add(e.getAttribute("attachedToRef"));
          }
        }
        for (int i = 1; i < points.size(); i++) {
          Box segment = Box.of(points.get(i - 1), points.get(i), 0);
          shapes.forEach((shape, bounds) -> {
            if (!ends.contains(shape) && !containers.contains(shape) && segment.overlaps(bounds, 1)) {
              problems.add(where + "flow " + id + " runs through " + shape);
            }
          });
        }
      });
      List<String> ids = List.copyOf(edges.keySet());
      for (int a = 0; a < ids.size(); a++) {
        for (int b = a + 1; b < ids.size(); b++) {
          if (collinear(edges.get(ids.get(a)), edges.get(ids.get(b)))) {
            problems.add(where + "flows " + ids.get(a) + " and " + ids.get(b) + " drawn on each other");
          }
        }
      }
      List<Map.Entry<String, Box>> placed = List.copyOf(labels.entrySet());
      for (int a = 0; a < placed.size(); a++) {
        Map.Entry<String, Box> label = placed.get(a);
        shapes.forEach((shape, bounds) -> {
          if (!containers.contains(shape) && label.getValue().overlaps(bounds, 1)) {
            problems.add(where + "label of " + label.getKey() + " on " + shape);
          }
        });
        edges.forEach((edge, points) -> {
          for (int i = 1; i < points.size(); i++) {
            if (label.getValue().overlaps(Box.of(points.get(i - 1), points.get(i), 0), 1)) {
              problems.add(where + "label of " + label.getKey() + " on flow " + edge);
              break;
            }
          }
        });
        for (int b = a + 1; b < placed.size(); b++) {
          if (label.getValue().overlaps(placed.get(b).getValue(), 1)) {
            problems.add(where + "labels of " + label.getKey() + " and " + placed.get(b).getKey() + " overlap");
          }
        }
      }
    }
    return problems;
  }

  /** Two flows share more than a point of the same horizontal or vertical line. */
  static boolean collinear(List<double[]> first, List<double[]> second) {
    for (int i = 1; i < first.size(); i++) {
      double[] p = first.get(i - 1);
      double[] q = first.get(i);
      for (int j = 1; j < second.size(); j++) {
        double[] r = second.get(j - 1);
        double[] t = second.get(j);
        boolean vertical = p[0] == q[0] && r[0] == t[0] && p[0] == r[0];
        boolean horizontal = p[1] == q[1] && r[1] == t[1] && p[1] == r[1];
        int axis = vertical ? 1 : 0;
        if ((vertical || horizontal) && Math.min(Math.max(p[axis], q[axis]), Math.max(r[axis], t[axis]))
            - Math.max(Math.min(p[axis], q[axis]), Math.min(r[axis], t[axis])) > 2) {
          return true;
        }
      }
    }
    return false;
  }

  static java.util.Optional<Box> label(Element diagramElement) {
    for (Element label : children(diagramElement, BPMNDI_NS, "BPMNLabel")) {
      return children(label, DC_NS, "Bounds").stream().findFirst().map(ModelFilesTest::box);
    }
    return java.util.Optional.empty();
  }

  static Box box(Element bounds) {
    return new Box(Double.parseDouble(bounds.getAttribute("x")), Double.parseDouble(bounds.getAttribute("y")),
        Double.parseDouble(bounds.getAttribute("width")), Double.parseDouble(bounds.getAttribute("height")));
  }

  static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

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
