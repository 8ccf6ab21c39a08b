package io.ledgerstream.connectors.qif;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups QIF lines into records: a {@code !} line opens a section, each following line is one
 * field (code letter, then value), and {@code ^} ends a record. Lines before the first header
 * (comments some writers put there) and blank lines are ignored; a record cut short by a new
 * header or the end of the file still counts.
 */
final class QifRecordReader {

    /** The records, and whether the file had any QIF header at all. */
    record Read(List<QifRecord> records, List<QifSection> sections) {
    }

    Read read(List<String> lines) {
        List<QifRecord> records = new ArrayList<>();
        List<QifSection> sections = new ArrayList<>();
        QifSection section = null;
        String account = null;
        List<QifField> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.startsWith("!")) {
                account = flush(records, section, account, start, fields);
                QifSection opened = QifSection.of(line);
                sections.add(opened);
                if (opened != QifSection.FLAG) {
                    section = opened;
                }
                continue;
            }
            if (section == null || line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == '^') {
                account = flush(records, section, account, start, fields);
                continue;
            }
            if (fields.isEmpty()) {
                start = number;
            }
            fields.add(new QifField(line.charAt(0), line.substring(1).strip(), number));
        }
        flush(records, section, account, start, fields);
        return new Read(records, sections);
    }

    /** Ends the record being read, if any; returns the account that applies from here on. */
    private static String flush(List<QifRecord> records, QifSection section, String account, int start,
                                List<QifField> fields) {
        if (fields.isEmpty() || section == null) {
            fields.clear();
            return account;
        }
        QifRecord record = new QifRecord(section, account, start, fields);
        fields.clear();
        if (section == QifSection.ACCOUNT) {
            return record.first('N').filter(name -> !name.isBlank()).orElse(account);
        }
        records.add(record);
        return account;
    }
}
