package org.dangjian.flow.administration;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The downloaded template filled in as an administrator would, and uploaded as the page does. */
public final class FilledTemplate {

  private FilledTemplate() {
  }

  /**
   * The template with each sheet's example row replaced by these rows (column key → what is typed: options by
   * their Chinese labels or values, dates written as real date cells).
   */
  public static byte[] fill(byte[] template, Map<String, List<Map<String, String>>> sheets) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle dateStyle = book.createCellStyle();
      dateStyle.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
      for (Map.Entry<String, List<Map<String, String>>> entry : sheets.entrySet()) {
        Sheet sheet = book.getSheet(entry.getKey());
        Map<String, Integer> columns = new HashMap<>();
        sheet.getRow(1).forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
        sheet.removeRow(sheet.getRow(2));
        int r = 2;
        for (Map<String, String> values : entry.getValue()) {
          Row row = sheet.createRow(r++);
          for (Map.Entry<String, String> v : values.entrySet()) {
            Cell cell = row.createCell(columns.get(v.getKey()));
            if (v.getValue().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
              cell.setCellValue(LocalDate.parse(v.getValue()));
              cell.setCellStyle(dateStyle);
            } else {
              cell.setCellValue(v.getValue());
            }
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  /** The multipart request of POST /api/admin/imports: the workbook as the field "file". */
  public static HttpEntity<MultiValueMap<String, Object>> upload(byte[] file, String fileName) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(file) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(body, headers);
  }
}
