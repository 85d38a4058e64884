package org.dangjian.flow.audit;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.List;
import java.util.stream.Collectors;
import org.dangjian.flow.audit.CaseRecord.Entry;
import org.dangjian.flow.audit.CaseRecord.Field;

/** The record and the violations report as printable HTML pages in Simplified Chinese. */
final class RecordPage {

  /**
   * The page's style and its print link's script are files of their own, not inline: the Content-Security-Policy
   * (system/SecurityHeaders) allows scripts and styles from this server's files only.
   */
  private static final String HEAD = "<link rel=\"stylesheet\" href=\"/css/dangjian.css\">"
      + "<link rel=\"stylesheet\" href=\"/css/record.css\">";
  private static final String END = "</main><script src=\"/js/print.js\"></script></body></html>";
  /** Our pages' header (css/dangjian.css): the product's name, the page's title, the way back; not printed. */
  private static final String WELCOME = "/camunda/app/welcome/default/#!/welcome";

  /**
   * The step's own date (what its form recorded) and the moment it was entered: a paper case recorded after the fact
   * (补录) is entered today about what happened then.
   */
  static final String DATE = "日期";
  static final String ENTERED = "录入时间";

  private RecordPage() {
  }

  static String title(CaseRecord r) {
    return ("MemberDevelopmentProcess".equals(r.processKey()) ? "发展党员" : nonNull(r.processName())) + "全程纪实表";
  }

  static String render(CaseRecord r) {
    StringBuilder h = new StringBuilder();
    open(h, title(r));
    String base = "/api/records/" + r.processInstanceId();
    h.append("<div class=\"nav\"><a href=\"").append(base).append(".pdf\">导出PDF</a><a href=\"").append(base)
        .append(".xlsx\">导出Excel</a><a href=\"#\" class=\"print\">打印</a></div>");
    h.append("<h1>").append(e(title(r))).append("</h1><div class=\"sub\">一人一档　一事一记　一步一审</div>");
    h.append("<table class=\"head\">");
    row(h, "案件编号", r.caseNumber(), "流程", r.processName());
    row(h, "对象", r.subject(), "流程实例", r.processInstanceId());
    row(h, "开始时间", r.startTime(), "发起人", r.startUser());
    row(h, "结束时间", r.ended() ? r.endTime() : "进行中", "结果", r.endName());
    row(h, "记录来源", CaseRecord.FROM_ARCHIVE.equals(r.source()) ? "永久归档" : "流程历史", "", "");
    h.append("</table><table class=\"entries\"><thead><tr><th>序号</th><th>类别</th><th>步骤</th><th>名称</th>"
        + "<th>办理人</th><th>" + DATE + "</th><th>" + ENTERED + "</th><th>填写内容及说明</th></tr></thead><tbody>");
    for (Entry x : r.entries()) {
      h.append("<tr class=\"").append(x.kind().name()).append("\"><td>").append(x.seq()).append("</td><td>")
          .append(e(x.kind().title())).append("</td><td>").append(e(x.stepNumber())).append("</td><td>")
          .append(e(x.name())).append("</td><td>").append(e(x.actor())).append("</td><td class=\"date\">")
          .append(e(x.date()));
      if (x.date() != null && x.dateLabel() != null) {
        h.append("<div class=\"date-label\">").append(e(x.dateLabel())).append("</div>");
      }
      h.append("</td><td class=\"date\">").append(e(x.time()))
          .append(x.open() == null ? "" : "（" + e(x.open()) + "）").append("</td><td>").append(content(x))
          .append("</td></tr>");
    }
    h.append("</tbody></table>").append(END);
    return h.toString();
  }

  static String violations(List<CaseEvent> violations) {
    StringBuilder h = new StringBuilder();
    open(h, "违规记录");
    h.append("<div class=\"nav\"><a href=\"/api/records/violations.xlsx\">导出Excel</a>"
        + "<a href=\"#\" class=\"print\">打印</a></div><h1>违规记录</h1><div class=\"sub\">共 ")
        .append(violations.size()).append(" 条</div><table><thead><tr><th>序号</th><th>案件编号</th><th>环节</th>"
            + "<th>规则</th><th>说明</th><th>期限</th><th>实际日期</th><th>办理人</th><th>记录时间</th></tr></thead><tbody>");
    int n = 1;
    for (CaseEvent v : violations) {
      h.append("<tr><td>").append(n++).append("</td><td><a href=\"/api/records/").append(e(v.processInstanceId()))
          .append(".html\">").append(e(v.caseNumber() == null ? v.processInstanceId() : v.caseNumber()))
          .append("</a></td><td>").append(e(v.activityId())).append("</td><td>").append(e(v.ruleCode()))
          .append("</td><td>").append(e(v.description())).append("</td><td>").append(e(str(v.dueDate())))
          .append("</td><td>").append(e(str(v.actualDate()))).append("</td><td>").append(e(v.userId()))
          .append("</td><td>").append(e(str(v.occurredAt()).replace('T', ' '))).append("</td></tr>");
    }
    h.append("</tbody></table>").append(END);
    return h.toString();
  }

  /** The values entered and the event's description, one per line. */
  static String content(Entry x) {
    StringBuilder c = new StringBuilder();
    if (x.note() != null) {
      c.append(e(x.note()));
    }
    if (!x.values().isEmpty()) {
      c.append("<ul>").append(x.values().stream().map(f -> "<li>" + e(f.label()) + "：" + e(f.value()) + "</li>")
          .collect(Collectors.joining())).append("</ul>");
    }
    return c.toString();
  }

  /** The step's date with its field's label under it ("2025-01-20\n谈话日期"), empty when it has none. */
  static String date(Entry x) {
    if (x.date() == null) {
      return "";
    }
    return x.dateLabel() == null ? x.date() : x.date() + "\n" + x.dateLabel();
  }

  static String plain(Entry x) {
    StringBuilder c = new StringBuilder(nonNull(x.note()));
    for (Field f : x.values()) {
      if (c.length() > 0) {
        c.append('\n');
      }
      c.append(f.label()).append('：').append(f.value());
    }
    return c.toString();
  }

  private static void open(StringBuilder h, String title) {
    h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>").append(e(title))
        .append("</title>").append(HEAD).append("</head><body><header class=\"dj-header\"><a class=\"dj-product\" href=\"")
        .append(WELCOME).append("\">党建工作流</a><span class=\"dj-title\">").append(e(title))
        .append("</span><a class=\"dj-home\" href=\"").append(WELCOME).append("\">返回首页</a></header><main>");
  }

  private static void row(StringBuilder h, String k1, String v1, String k2, String v2) {
    h.append("<tr><th>").append(e(k1)).append("</th><td>").append(e(v1)).append("</td><th>").append(e(k2))
        .append("</th><td>").append(e(v2)).append("</td></tr>");
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String e(String s) {
    return s == null ? "" : htmlEscape(s, "UTF-8");
  }
}
