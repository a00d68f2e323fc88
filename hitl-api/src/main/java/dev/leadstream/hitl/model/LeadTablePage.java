package dev.leadstream.hitl.model;

import java.util.List;

/** A page of lead rows and, per row, the values of its sort keys: the cursor to resume after it. */
public record LeadTablePage(List<LeadRow> rows, List<List<String>> cursors) {
}
