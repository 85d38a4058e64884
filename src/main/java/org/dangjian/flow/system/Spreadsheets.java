package org.dangjian.flow.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The look of our spreadsheets (台账, 全程纪实, 违规记录), so that a clerk who lives in Excel can sort and filter them:
 * a bold header row that stays in view (frozen pane) with an autofilter over the table, and dates as real date
 * cells (numbers with a date format), never as text.
 */
public final class Spreadsheets {

  public static final String DATE_FORMAT = "yyyy-mm-dd";
  public static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";

  private final Workbook book;
  private final CellStyle header;
  private final CellStyle date;
  private final CellStyle dateTime;
  private final CellStyle wrap;

  public Spreadsheets(Workbook book) {
    this.book = book;
    Font bold = book.createFont();
    bold.setBold(true);
    header = book.createCellStyle();
    header.setFont(bold);
    date = book.createCellStyle();
    date.setDataFormat(book.createDataFormat().getFormat(DATE_FORMAT));
    dateTime = book.createCellStyle();
    dateTime.setDataFormat(book.createDataFormat().getFormat(DATE_TIME_FORMAT));
    wrap = book.createCellStyle();
    wrap.setWrapText(true);
  }

  /** The table's header row: bold titles. */
  public Row header(Sheet sheet, int rowIndex, String... titles) {
    Row row = sheet.createRow(rowIndex);
    for (int i = 0; i < titles.length; i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(titles[i]);
      cell.setCellStyle(header);
    }
    return row;
  }

  /**
   * The rows below the header scroll under it (frozen pane), and the table from the header to its last row has an
   * autofilter.
   */
  public void table(Sheet sheet, int headerRow, int lastRow, int columns) {
    sheet.createFreezePane(0, headerRow + 1);
    sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, lastRow), 0, columns - 1));
  }

  public void widths(Sheet sheet, int... widthsInCharacters) {
    for (int i = 0; i < widthsInCharacters.length; i++) {
      sheet.setColumnWidth(i, widthsInCharacters[i] * 256);
    }
  }

  public Cell text(Row row, int column, String value) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value == null ? "" : value);
    return cell;
  }

  public Cell wrapped(Row row, int column, String value) {
    Cell cell = text(row, column, value);
    cell.setCellStyle(wrap);
    return cell;
  }

  public Cell number(Row row, int column, long value) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    return cell;
  }

  /** A date cell; a missing date leaves the cell blank (not a text dash, which would break Excel's date filter). */
  public Cell date(Row row, int column, LocalDate value) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value);
      cell.setCellStyle(date);
    }
    return cell;
  }

  public Cell dateTime(Row row, int column, LocalDateTime value) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value);
      cell.setCellStyle(dateTime);
    }
    return cell;
  }

  /** A date written as text (2025-01-10) as a date cell; any other text stays text. */
  public Cell dateOrText(Row row, int column, String value) {
    LocalDate parsed = parseDate(value);
    return parsed != null ? date(row, column, parsed) : text(row, column, value);
  }

  /** A moment written as text (2025-01-10 08:30 or 2025-01-10T08:30:00) as a date-time cell; else text. */
  public Cell dateTimeOrText(Row row, int column, String value) {
    LocalDateTime parsed = parseDateTime(value);
    return parsed != null ? dateTime(row, column, parsed) : text(row, column, value);
  }

  public byte[] bytes() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LocalDate parseDate(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  public static LocalDateTime parseDateTime(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip().replace(' ', 'T'));
    } catch (DateTimeParseException notAMoment) {
      return null;
    }
  }
}
