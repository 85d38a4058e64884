package org.dangjian.flow.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.dangjian.flow.development.MemberDevelopment;
import org.springframework.stereotype.Component;

/**
 * The five stages (阶段) of 发展党员 and the steps in each, read from the deployed models: a wait state (a user task or
 * a timer) belongs to the stage whose subprocess holds it. Every version counts; where versions disagree the newest
 * names win. A deployed model never changes, so each is read once.
 */
@Component
class DevelopmentStages {

  record Stage(String key, String name) {
  }

  record Place(String activityId, String name, Stage stage, int order) {
  }

  /** Outside the five stages: the withdrawal subprocess, or an old version without stages. */
  static final Stage OTHER = new Stage("other", "其他");

  /** The process definitions are few (one per deployment of the model): bounded, still. */
  private static final int MAX_VERSIONS = 500;

  private final RepositoryService repository;
  private final Map<String, Map<String, Place>> byDefinition = new ConcurrentHashMap<>();

  DevelopmentStages(RepositoryService repository) {
    this.repository = repository;
  }

  /** Every wait state of every version, by activity id, in the order of the newest model. */
  Map<String, Place> places() {
    List<ProcessDefinition> versions = repository.createProcessDefinitionQuery()
        .processDefinitionKey(MemberDevelopment.PROCESS_KEY).orderByProcessDefinitionVersion().asc()
        .listPage(0, MAX_VERSIONS);
    Map<String, Place> places = new LinkedHashMap<>();
    for (ProcessDefinition version : versions) {
      places.putAll(byDefinition.computeIfAbsent(version.getId(), this::read));
    }
    List<Place> ordered = new ArrayList<>(places.values());
    ordered.sort((a, b) -> Integer.compare(a.order(), b.order()));
    Map<String, Place> result = new LinkedHashMap<>();
    ordered.forEach(p -> result.put(p.activityId(), p));
    return result;
  }

  /** The stages in the newest model's order, then {@link #OTHER}. */
  static List<Stage> stages(Collection<Place> places) {
    Map<String, Stage> stages = new LinkedHashMap<>();
    places.stream().map(Place::stage).filter(s -> s != OTHER).forEach(s -> stages.putIfAbsent(s.key(), s));
    List<Stage> result = new ArrayList<>(stages.values());
    result.add(OTHER);
    return result;
  }

  private Map<String, Place> read(String definitionId) {
    BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
    Map<String, Place> places = new LinkedHashMap<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      collect(process, places);
    }
    return places;
  }

  /** Wait states in document order (the model lists the stages and steps in the order they happen). */
  private static void collect(ModelElementInstance scope, Map<String, Place> places) {
    for (FlowElement element : scope.getChildElementsByType(FlowElement.class)) {
      if (element instanceof SubProcess) {
        collect(element, places);
        continue;
      }
      String type = element.getElementType().getTypeName();
      if (element instanceof FlowNode node && (type.equals("userTask") || type.equals("intermediateCatchEvent")
          || type.equals("receiveTask"))) {
        places.put(node.getId(), new Place(node.getId(), node.getName() == null ? node.getId() : node.getName(),
            stageOf(node), places.size()));
      }
    }
  }

  private static Stage stageOf(FlowNode node) {
    for (ModelElementInstance parent = node.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent instanceof SubProcess sub && !sub.triggeredByEvent()) {
        return new Stage(sub.getId(), sub.getName() == null ? sub.getId() : sub.getName());
      }
    }
    return OTHER;
  }
}
