package org.dangjian.flow.audit;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dangjian.flow.audit.CaseRecord.Entry;
import org.dangjian.flow.system.Spreadsheets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The record as a printable PDF (发展党员全程纪实表) with an embedded CJK font, and as a spreadsheet with one row
 * per step or event; the violations report as a spreadsheet.
 */
@Component
class RecordExports {

  private static final String FONT = "fonts/wqy-microhei.ttc";

  private volatile byte[] fontBytes;

  byte[] pdf(CaseRecord r) {
    try {
      // subset of WenQuanYi Micro Hei embedded: Chinese renders on any reader and printer
      BaseFont base = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
          font(), null);
      Font title = new Font(base, 18, Font.BOLD);
      Font normal = new Font(base, 9);
      Font bold = new Font(base, 9, Font.BOLD);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
      PdfWriter.getInstance(doc, out);
      doc.addTitle(RecordPage.title(r));
      doc.open();
      Paragraph heading = new Paragraph(RecordPage.title(r), title);
      heading.setAlignment(Element.ALIGN_CENTER);
      doc.add(heading);
      Paragraph motto = new Paragraph("一人一档　一事一记　一步一审", normal);
      motto.setAlignment(Element.ALIGN_CENTER);
      motto.setSpacingAfter(8);
      doc.add(motto);

      PdfPTable head = new PdfPTable(new float[] {1, 3, 1, 3});
      head.setWidthPercentage(100);
      head.setSpacingAfter(8);
      pair(head, "案件编号", r.caseNumber(), "流程", r.processName(), normal, bold);
      pair(head, "对象", r.subject(), "流程实例", r.processInstanceId(), normal, bold);
      pair(head, "开始时间", r.startTime(), "发起人", r.startUser(), normal, bold);
      pair(head, "结束时间", r.ended() ? r.endTime() : "进行中", "结果", r.endName(), normal, bold);
      doc.add(head);

      PdfPTable steps = new PdfPTable(new float[] {0.5f, 0.6f, 0.6f, 2.1f, 1.7f, 1.2f, 1.5f, 4.4f});
      steps.setWidthPercentage(100);
      steps.setHeaderRows(1);
      for (String h : List.of("序号", "类别", "步骤", "名称", "办理人", RecordPage.DATE, RecordPage.ENTERED, "填写内容及说明")) {
        PdfPCell cell = new PdfPCell(new Phrase(h, bold));
        cell.setBackgroundColor(new Color(0xEE, 0xEE, 0xEE));
        steps.addCell(cell);
      }
      for (Entry x : r.entries()) {
        Color shade = x.kind() == CaseRecord.Kind.EVENT ? new Color(0xFF, 0xF6, 0xE6) : null;
        for (String v : List.of(String.valueOf(x.seq()), x.kind().title(), RecordPage.nonNull(x.stepNumber()),
            RecordPage.nonNull(x.name()), RecordPage.nonNull(x.actor()), RecordPage.date(x),
            RecordPage.nonNull(x.time()) + (x.open() == null ? "" : "（" + x.open() + "）"), RecordPage.plain(x))) {
          PdfPCell cell = new PdfPCell(new Phrase(v, normal));
          if (shade != null) {
            cell.setBackgroundColor(shade);
          }
          steps.addCell(cell);
        }
      }
      doc.add(steps);
      Paragraph source = new Paragraph("记录来源：" + (CaseRecord.FROM_ARCHIVE.equals(r.source()) ? "永久归档" : "流程历史"),
          normal);
      doc.add(source);
      doc.close();
      return out.toByteArray();
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("全程纪实表无法生成", e);
    }
  }

  byte[] xlsx(CaseRecord r) {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Spreadsheets look = new Spreadsheets(book);
      Sheet sheet = book.createSheet("全程纪实");
      cells(sheet.createRow(0), RecordPage.title(r));
      cells(sheet.createRow(1), "案件编号", r.caseNumber(), "流程", r.processName(), "流程实例", r.processInstanceId());
      Row times = sheet.createRow(2);
      cells(times, "对象", r.subject(), "开始时间");
      look.dateTimeOrText(times, 3, r.startTime());
      look.text(times, 4, "结束时间");
      look.dateTimeOrText(times, 5, r.ended() ? r.endTime() : "进行中");
      cells(times, 6, "结果", r.endName());
      // the step's date and the moment it was entered as real date cells (they sort and filter as dates); a step
      // not done says so in 状态 rather than beside its time, so the time column holds only dates
      int header = 4;
      look.header(sheet, header, "序号", "类别", "步骤", "名称", "办理人", RecordPage.DATE, RecordPage.ENTERED,
          "填写内容及说明", "状态");
      int n = header + 1;
      for (Entry x : r.entries()) {
        Row row = sheet.createRow(n++);
        row.createCell(0).setCellValue(x.seq());
        cells(row, 1, x.kind().title(), x.stepNumber(), x.name(), x.actor());
        look.dateOrText(row, 5, x.date());
        look.dateTimeOrText(row, 6, x.time());
        look.wrapped(row, 7, RecordPage.plain(x));
        look.text(row, 8, x.open());
      }
      look.table(sheet, header, n - 1, 9);
      look.widths(sheet, 6, 8, 8, 26, 22, 12, 18, 70, 10);
      return look.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] violationsXlsx(List<CaseEvent> violations) {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Spreadsheets look = new Spreadsheets(book);
      Sheet sheet = book.createSheet("违规记录");
      look.header(sheet, 0, "序号", "案件编号", "流程实例", "环节", "规则", "说明", "期限", "实际日期", "办理人",
          "记录时间");
      int n = 1;
      for (CaseEvent v : violations) {
        Row row = sheet.createRow(n);
        row.createCell(0).setCellValue(n++);
        cells(row, 1, v.caseNumber(), v.processInstanceId(), v.activityId(), v.ruleCode(), v.description());
        look.date(row, 6, v.dueDate());
        look.date(row, 7, v.actualDate());
        look.text(row, 8, v.userId());
        look.dateTime(row, 9, v.occurredAt());
      }
      look.table(sheet, 0, n - 1, 10);
      look.widths(sheet, 6, 20, 20, 24, 26, 50, 12, 12, 16, 18);
      return look.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] font() throws IOException {
    if (fontBytes == null) {
      try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
        fontBytes = in.readAllBytes();
      }
    }
    return fontBytes;
  }

  private static void pair(PdfPTable t, String k1, String v1, String k2, String v2, Font normal, Font bold) {
    t.addCell(new PdfPCell(new Phrase(k1, bold)));
    t.addCell(new PdfPCell(new Phrase(RecordPage.nonNull(v1), normal)));
    t.addCell(new PdfPCell(new Phrase(k2, bold)));
    t.addCell(new PdfPCell(new Phrase(RecordPage.nonNull(v2), normal)));
  }

  private static void cells(Row row, String... values) {
    cells(row, 0, values);
  }

  private static void cells(Row row, int from, String... values) {
    for (int i = 0; i < values.length; i++) {
      row.createCell(from + i).setCellValue(RecordPage.nonNull(values[i]));
    }
  }
}
