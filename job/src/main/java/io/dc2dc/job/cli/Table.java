package io.dc2dc.job.cli;

import java.util.List;
import java.util.Set;

/** Plain-text tables: columns padded to their widest cell, two spaces apart. */
final class Table {

    private Table() {}

    /** The first row is the header; columns in {@code rightAligned} are numbers. */
    static String format(List<String[]> rows, Set<Integer> rightAligned) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String pad = " ".repeat(width[i] - row[i].length());
                line.append(rightAligned.contains(i) ? pad + row[i] : row[i] + pad).append("  ");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
