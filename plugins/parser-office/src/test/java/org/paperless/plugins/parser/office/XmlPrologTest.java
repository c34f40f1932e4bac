package org.paperless.plugins.parser.office;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class XmlPrologTest {

    private static XmlProlog.Verdict judge(String text, Charset charset) {
        byte[] bytes = text.getBytes(charset);
        return XmlProlog.judge(bytes, bytes.length);
    }

    @Test
    void aDoctypeThatOnlyNamesItsDtdPasses() {
        // What LibreOffice writes into the Basic modules of a document.
        assertEquals(XmlProlog.Verdict.PLAIN, judge("<?xml version=\"1.0\"?>\n<!DOCTYPE script:module PUBLIC"
                + " \"-//OpenOffice.org//DTD OfficeDocument 1.0//EN\" \"module.dtd\">\n<script:module/>", StandardCharsets.UTF_8));
    }

    @Test
    void anInternalSubsetIsFoundBehindCommentsAndInstructionsInEveryEncoding() {
        String xml = "<?xml version=\"1.0\"?><!-- a comment with <!DOCTYPE x> in it --><?pi data?>\n"
                + "<!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><d>&e;</d>";
        for (String charset : new String[] {"UTF-8", "UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32BE", "UTF-32LE"}) {
            assertEquals(XmlProlog.Verdict.INTERNAL_SUBSET, judge(xml, Charset.forName(charset)), charset);
        }
    }

    @Test
    void aBracketInsideAQuotedIdDoesNotCount() {
        assertEquals(XmlProlog.Verdict.PLAIN, judge("<!DOCTYPE d SYSTEM \"a[b].dtd\"><d/>", StandardCharsets.UTF_8));
    }

    @Test
    void partsThatAreNoXmlPass() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        assertEquals(XmlProlog.Verdict.NOT_XML, XmlProlog.judge(png, png.length));
    }

    @Test
    void aPrologLongerThanTheWindowIsRefused() {
        String xml = "<!--" + "x".repeat(XmlProlog.WINDOW) + "--><d/>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertEquals(XmlProlog.Verdict.PROLOG_TOO_LONG, XmlProlog.judge(bytes, XmlProlog.WINDOW));
    }
}
