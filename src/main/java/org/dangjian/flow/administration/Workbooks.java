package org.dangjian.flow.administration;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dangjian.flow.administration.Sheets.Column;
import org.dangjian.flow.administration.Sheets.Type;

/**
 * Reading and writing the going-live workbook with Apache POI. Dates are real date cells, choices drop-down lists
 * of their Chinese labels, texts text cells (an ID number or a phone number stays text, never a number in E
 * notation). Reading turns every cell into the text the import checks: a date as YYYY-MM-DD, a flag as
 * true/false, a choice as its value, whatever the cell's own type was.
 */
final class Workbooks {

  /** What the import says of a cell, a row or the file; row and column null when it is about the file or sheet. */
  record Problem(String sheet, Integer row, String column, String cell, String message) {
  }

  /** A data row: its number as Excel shows it, and key → the cell's text as the import reads it (blank absent). */
  record DataRow(int number, Map<String, String> values) {

    String get(String key) {
      return values.get(key);
    }
  }

  /** The rows of a sheet the workbook had. */
  record SheetRows(Sheets.Sheet sheet, List<DataRow> rows) {
  }

  /** The drop-down and date checks reach this many rows below the titles (Excel's lists are per range). */
  private static final int VALIDATED_ROWS = 5000;
  static final int MAX_ROWS = 20000;
  private static final Pattern LOOSE_DATE = Pattern.compile("([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?");
  private static final Set<String> YES = Set.of("是", "true", "TRUE", "True", "1", "√", "Y", "y", "yes", "YES");
  private static final Set<String> NO = Set.of("否", "false", "FALSE", "False", "0", "×", "N", "n", "no", "NO");

  private Workbooks() {
  }

  // ---- writing

  /** A workbook of the given sheets; rows hold values as the import reads them, or the template's example. */
  static byte[] write(List<SheetRows> sheets) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(workbook);
      for (SheetRows data : sheets) {
        writeSheet(workbook, styles, data);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("workbook could not be written", e);
    }
  }

  private record Styles(CellStyle title, CellStyle key, CellStyle date, CellStyle text) {
    Styles(Workbook workbook) {
      this(workbook.createCellStyle(), workbook.createCellStyle(), workbook.createCellStyle(),
          workbook.createCellStyle());
      Font bold = workbook.createFont();
      bold.setBold(true);
      title.setFont(bold);
      title.setWrapText(true);
      title.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
      title.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      title.setBorderBottom(BorderStyle.THIN);
      Font grey = workbook.createFont();
      grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
      key.setFont(grey);
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      text.setDataFormat(workbook.createDataFormat().getFormat("@"));
    }
  }

  private static void writeSheet(Workbook workbook, Styles styles, SheetRows data) {
    Sheet sheet = workbook.createSheet(data.sheet().name());
    List<Column> columns = data.sheet().columns();
    Row titles = sheet.createRow(0);
    Row keys = sheet.createRow(1);
    titles.setHeightInPoints(48);
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      Cell title = titles.createCell(i);
      title.setCellValue(column.title());
      title.setCellStyle(styles.title());
      Cell key = keys.createCell(i);
      key.setCellValue(column.key());
      key.setCellStyle(styles.key());
      sheet.setColumnWidth(i, Math.min(60, Math.max(12, column.title().length() + 2)) * 256);
      if (column.type() == Type.TEXT) {
        sheet.setDefaultColumnStyle(i, styles.text());
      } else if (column.type() == Type.DATE) {
        sheet.setDefaultColumnStyle(i, styles.date());
      }
    }
    sheet.createFreezePane(1, 2);
    int rowIndex = Sheets.FIRST_DATA_ROW - 1;
    for (DataRow dataRow : data.rows()) {
      Row row = sheet.createRow(rowIndex++);
      for (int i = 0; i < columns.size(); i++) {
        String value = dataRow.get(columns.get(i).key());
        if (value != null) {
          writeCell(row.createCell(i), columns.get(i), value, styles);
        }
      }
    }
    validations(sheet, columns);
  }

  private static void writeCell(Cell cell, Column column, String value, Styles styles) {
    switch (column.type()) {
      case DATE -> {
        cell.setCellValue(LocalDate.parse(value));
        cell.setCellStyle(styles.date());
      }
      case INTEGER -> cell.setCellValue(Long.parseLong(value));
      case BOOLEAN -> cell.setCellValue(Boolean.parseBoolean(value) ? "是" : "否");
      case CHOICE -> cell.setCellValue(column.options().getOrDefault(value, value));
      case CHOICES -> cell.setCellValue(String.join("、", java.util.Arrays.stream(value.split(","))
          .map(v -> column.options().getOrDefault(v, v)).toList()));
      case TEXT -> {
        cell.setCellValue(value);
        cell.setCellStyle(styles.text());
      }
    }
  }

  private static void validations(Sheet sheet, List<Column> columns) {
    DataValidationHelper helper = sheet.getDataValidationHelper();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      CellRangeAddressList range = new CellRangeAddressList(Sheets.FIRST_DATA_ROW - 1, VALIDATED_ROWS, i, i);
      DataValidationConstraint constraint;
      String error;
      if (column.type() == Type.CHOICE) {
        constraint = helper.createExplicitListConstraint(column.options().values().toArray(String[]::new));
        error = "请从下拉列表中选择：" + String.join("、", column.options().values());
      } else if (column.type() == Type.BOOLEAN) {
        constraint = helper.createExplicitListConstraint(new String[] {"是", "否"});
        error = "请选择“是”或“否”";
      } else if (column.type() == Type.DATE) {
        constraint = helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
            "DATE(1900,1,1)", "DATE(2100,12,31)", "yyyy-mm-dd");
        error = "请输入日期，例如 2026-03-02";
      } else {
        continue;
      }
      DataValidation validation = helper.createValidation(constraint, range);
      validation.setShowErrorBox(true);
      validation.createErrorBox("输入有误", error);
      validation.setSuppressDropDownArrow(column.type() != Type.DATE);
      sheet.addValidationData(validation);
    }
  }

  // ---- reading

  /**
   * The sheets of an uploaded workbook that the import knows, each row's cells read by their column's type.
   * Problems of the file, the sheet names, the header rows and of single cells are added to {@code problems};
   * a cell with a problem is left out of its row (the row is not imported anyway: all or nothing).
   */
  static List<SheetRows> read(byte[] file, Map<String, Sheets.Sheet> known, List<Problem> problems) {
    List<SheetRows> result = new ArrayList<>();
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
        Sheet sheet = workbook.getSheetAt(s);
        Sheets.Sheet spec = known.get(sheet.getSheetName().strip());
        if (spec == null) {
          problems.add(new Problem(sheet.getSheetName(), null, null, null, "工作表名称“" + sheet.getSheetName()
              + "”无法识别：工作表应为 " + String.join("、", Sheets.NAMES) + "（与模板一致）"));
          continue;
        }
        result.add(readSheet(sheet, spec, problems));
      }
    } catch (IOException | RuntimeException e) {
      // POI refuses what is not an OOXML workbook (an .xls, a CSV renamed, a damaged zip) with various exceptions
      problems.add(new Problem(null, null, null, null, "文件不是有效的 Excel 工作簿（.xlsx）：请用导入模板填写后另存为 .xlsx"));
      return List.of();
    }
    if (result.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(null, null, null, null, "工作簿中没有可导入的工作表：应为 " + String.join("、", Sheets.NAMES)));
    }
    return result;
  }

  private static SheetRows readSheet(Sheet sheet, Sheets.Sheet spec, List<Problem> problems) {
    String name = spec.name();
    Row keyRow = sheet.getRow(1);
    Map<Integer, Column> byIndex = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    if (keyRow != null) {
      for (Cell cell : keyRow) {
        String key = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().strip() : "";
        if (key.isEmpty()) {
          continue;
        }
        String ref = new CellReference(1, cell.getColumnIndex()).formatAsString(false);
        Column column = spec.column(key);
        if (column == null) {
          problems.add(new Problem(name, 2, key, ref, "第2行的字段名“" + key + "”不是" + name + "表的列：请使用导入模板的列"));
        } else if (!seen.add(key)) {
          problems.add(new Problem(name, 2, key, ref, "字段“" + key + "”的列重复"));
        } else {
          byIndex.put(cell.getColumnIndex(), column);
        }
      }
    }
    List<String> missing = spec.columns().stream().map(Column::key).filter(k -> !seen.contains(k)).toList();
    if (!missing.isEmpty()) {
      problems.add(new Problem(name, 2, null, null, "缺少列：" + String.join("、", missing)
          + "（第2行应为模板中的字段名，第1行为中文列名）"));
      return new SheetRows(spec, List.of());
    }
    List<DataRow> rows = new ArrayList<>();
    if (sheet.getLastRowNum() + 1 - (Sheets.FIRST_DATA_ROW - 1) > MAX_ROWS) {
      problems.add(new Problem(name, null, null, null, "行数超过上限 " + MAX_ROWS + " 行，请分批导入"));
      return new SheetRows(spec, List.of());
    }
    for (int r = Sheets.FIRST_DATA_ROW - 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (Map.Entry<Integer, Column> c : byIndex.entrySet()) {
        Cell cell = row.getCell(c.getKey());
        String ref = new CellReference(r, c.getKey()).formatAsString(false);
        try {
          String value = read(cell, c.getValue());
          if (value != null) {
            values.put(c.getValue().key(), value);
          }
        } catch (IllegalArgumentException e) {
          values.put(c.getValue().key(), null);
          problems.add(new Problem(name, r + 1, c.getValue().key(), ref, c.getValue().title() + "：" + e.getMessage()));
        }
      }
      if (values.isEmpty()) {
        continue;
      }
      if (r == Sheets.FIRST_DATA_ROW - 1 && values.equals(spec.example())) {
        // the template's example row, unchanged: an illustration, not data
        continue;
      }
      values.values().removeIf(v -> v == null);
      rows.add(new DataRow(r + 1, values));
    }
    return new SheetRows(spec, rows);
  }

  /** A cell as the text the import checks, or null when blank; IllegalArgumentException with the Chinese reason. */
  static String read(Cell cell, Column column) {
    if (cell == null) {
      return null;
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    switch (type) {
      case BLANK, _NONE -> {
        return null;
      }
      case ERROR -> throw new IllegalArgumentException("单元格是错误值，请改为" + expected(column));
      default -> {
      }
    }
    return switch (column.type()) {
      case DATE -> date(cell, type);
      case INTEGER -> integer(cell, type);
      case BOOLEAN -> flag(cell, type);
      case CHOICE -> {
        String text = text(cell, type);
        if (text == null) {
          yield null;
        }
        String option = column.option(text);
        if (option == null) {
          throw new IllegalArgumentException("“" + echo(text) + "”不是可选项，应为：" + String.join("、", column.options().values()));
        }
        yield option;
      }
      case CHOICES -> {
        String text = text(cell, type);
        if (text == null) {
          yield null;
        }
        List<String> chosen = new ArrayList<>();
        for (String part : text.split("[、,，;；\\s]+")) {
          if (part.isBlank()) {
            continue;
          }
          String option = column.option(part);
          if (option == null) {
            throw new IllegalArgumentException("“" + echo(part) + "”不是可选项，应为以下一项或多项（用“、”分隔）："
                + String.join("、", column.options().values()));
          }
          if (!chosen.contains(option)) {
            chosen.add(option);
          }
        }
        yield chosen.isEmpty() ? null : String.join(",", chosen);
      }
      case TEXT -> text(cell, type);
    };
  }

  private static String expected(Column column) {
    return switch (column.type()) {
      case DATE -> "日期";
      case INTEGER -> "整数";
      case BOOLEAN -> "“是”或“否”";
      case CHOICE, CHOICES -> "下拉列表中的选项";
      case TEXT -> "文字";
    };
  }

  private static String text(Cell cell, CellType type) {
    String text = switch (type) {
      case STRING -> cell.getStringCellValue();
      case NUMERIC -> {
        if (DateUtil.isCellDateFormatted(cell)) {
          yield cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        double d = cell.getNumericCellValue();
        // an ID or phone number typed as a number: its digits, not 1.1010119980412E17
        yield d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d)
            : java.math.BigDecimal.valueOf(d).toPlainString();
      }
      case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
      default -> null;
    };
    if (text == null || text.isBlank()) {
      return null;
    }
    return text.strip();
  }

  private static String date(Cell cell, CellType type) {
    if (type == CellType.NUMERIC) {
      double serial = cell.getNumericCellValue();
      if (!DateUtil.isValidExcelDate(serial) || serial < 1 || serial > 73415) {
        throw new IllegalArgumentException("应为日期，收到数字" + serial);
      }
      LocalDateTime time = DateUtil.getLocalDateTime(serial);
      return time.toLocalDate().toString();
    }
    String text = text(cell, type);
    if (text == null) {
      return null;
    }
    Matcher m = LOOSE_DATE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("应为日期（如 2026-03-02），收到“" + echo(text) + "”");
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
          .toString();
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("“" + echo(text) + "”不是有效的日期");
    }
  }

  private static String integer(Cell cell, CellType type) {
    if (type == CellType.NUMERIC) {
      double d = cell.getNumericCellValue();
      if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("应为整数，收到" + d);
      }
      return String.valueOf((long) d);
    }
    String text = text(cell, type);
    if (text == null) {
      return null;
    }
    if (!text.matches("-?[0-9]{1,9}")) {
      throw new IllegalArgumentException("应为整数，收到“" + echo(text) + "”");
    }
    return String.valueOf(Long.parseLong(text));
  }

  private static String flag(Cell cell, CellType type) {
    if (type == CellType.BOOLEAN) {
      return String.valueOf(cell.getBooleanCellValue());
    }
    String text = text(cell, type);
    if (text == null) {
      return null;
    }
    if (YES.contains(text)) {
      return "true";
    }
    if (NO.contains(text)) {
      return "false";
    }
    throw new IllegalArgumentException("应为“是”或“否”，收到“" + echo(text) + "”");
  }

  static String echo(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
