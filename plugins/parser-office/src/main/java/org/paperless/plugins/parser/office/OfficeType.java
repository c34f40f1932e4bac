package org.paperless.plugins.parser.office;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of office document this plugin reads, by the content type Tika names after looking inside the file:
 * which LibreOffice application converts it, and the extension LibreOffice expects on its copy.
 *
 * @param family the LibreOffice application
 * @param extension the extension, with its dot
 */
record OfficeType(OfficeFamily family, String extension) {

    private static final Map<String, OfficeType> TYPES = Map.ofEntries(
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", text(".docx")),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.template", text(".dotx")),
            Map.entry("application/vnd.ms-word.document.macroenabled.12", text(".docm")),
            Map.entry("application/vnd.ms-word.template.macroenabled.12", text(".dotm")),
            Map.entry("application/msword", text(".doc")),
            Map.entry("application/vnd.oasis.opendocument.text", text(".odt")),
            Map.entry("application/rtf", text(".rtf")),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet(".xlsx")),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.template", sheet(".xltx")),
            Map.entry("application/vnd.ms-excel.sheet.macroenabled.12", sheet(".xlsm")),
            Map.entry("application/vnd.ms-excel", sheet(".xls")),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", sheet(".ods")),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", slides(".pptx")),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.slideshow", slides(".ppsx")),
            Map.entry("application/vnd.ms-powerpoint.presentation.macroenabled.12", slides(".pptm")),
            Map.entry("application/vnd.ms-powerpoint.slideshow.macroenabled.12", slides(".ppsm")),
            Map.entry("application/vnd.ms-powerpoint", slides(".ppt")),
            Map.entry("application/vnd.oasis.opendocument.presentation", slides(".odp")));

    static Optional<OfficeType> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(TYPES.get(base));
    }

    private static OfficeType text(String extension) {
        return new OfficeType(OfficeFamily.TEXT, extension);
    }

    private static OfficeType sheet(String extension) {
        return new OfficeType(OfficeFamily.SPREADSHEET, extension);
    }

    private static OfficeType slides(String extension) {
        return new OfficeType(OfficeFamily.PRESENTATION, extension);
    }
}
