package org.paperless.bench.corpus;

import static org.paperless.bench.corpus.DocumentType.*;

import java.util.EnumMap;
import java.util.Map;

/**
 * Sentence templates per document type and language. Slots in braces are filled by {@link TextComposer};
 * several templates per type plus shared boilerplate keep the vocabulary varied without Lorem ipsum.
 */
final class Phrases {
    static final Map<DocumentType, String[]> DE = new EnumMap<>(DocumentType.class);
    static final Map<DocumentType, String[]> EN = new EnumMap<>(DocumentType.class);

    private Phrases() {}

    static String[] body(DocumentType type, boolean german) {
        return (german ? DE : EN).get(type);
    }

    static String[] filler(boolean german) {
        return german ? FILLER_DE : FILLER_EN;
    }

    static String[] clauses(boolean german) {
        return german ? CLAUSES_DE : CLAUSES_EN;
    }

    static {
        DE.put(INVOICE, new String[] {
            "vielen Dank für Ihren Auftrag. Für die erbrachten Leistungen berechnen wir Ihnen wie folgt.",
            "Bitte überweisen Sie den Rechnungsbetrag bis zum {due} unter Angabe der Rechnungsnummer {docno}.",
            "Der Betrag wird zum {due} per SEPA-Lastschrift von Ihrem Konto {iban} eingezogen.",
            "Leistungszeitraum ist {period}; das Leistungsdatum entspricht dem Rechnungsdatum.",
            "Bei Fragen zu dieser Rechnung erreichen Sie {contact} unter der Durchwahl -{n3}.",
            "Skonto wird nicht gewährt; Teilzahlungen bitten wir vorher abzustimmen."});
        EN.put(INVOICE, new String[] {
            "thank you for your order. Please find below the charges for the services provided.",
            "Please pay the total by {due}, quoting invoice number {docno} as the payment reference.",
            "The amount will be collected by direct debit from account {iban} on or after {due}.",
            "This invoice covers the period {period}; the tax point is the invoice date.",
            "If you have any questions about this invoice, please contact {contact} on extension {n3}.",
            "Payment terms are strictly 14 days net; we do not offer early settlement discounts."});
        DE.put(REMINDER, new String[] {
            "sicherlich haben Sie in der Hektik des Alltags übersehen, dass unsere Rechnung {docno} noch offen ist.",
            "Bis heute konnten wir keinen Zahlungseingang feststellen.",
            "Wir bitten Sie, den offenen Betrag bis spätestens {due} auf unser Konto zu überweisen.",
            "Sollten Sie die Zahlung zwischenzeitlich veranlasst haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.",
            "Für diese Mahnung berechnen wir eine Gebühr von 5,00 EUR.",
            "Erfolgt keine Zahlung, werden wir die Forderung an ein Inkassounternehmen abgeben."});
        EN.put(REMINDER, new String[] {
            "our records show that invoice {docno} is still unpaid.",
            "We have not yet received your payment and would be grateful if you could settle the account.",
            "Please make sure the outstanding balance reaches us no later than {due}.",
            "If you have already paid in the last few days, please disregard this reminder.",
            "A late payment fee of 5.00 has been added to your account.",
            "If we do not hear from you, we may pass the debt to a collection agency."});
        DE.put(CONTRACT, new String[] {
            "zwischen {company} und Ihnen wird der nachstehende Vertrag geschlossen.",
            "Der Vertrag beginnt am {date2} und wird auf unbestimmte Zeit geschlossen.",
            "Die Mindestvertragslaufzeit beträgt {n1} Monate; danach ist eine Kündigung mit einer Frist von einem Monat möglich.",
            "Bitte senden Sie uns ein unterschriebenes Exemplar bis zum {due} zurück.",
            "Änderungen und Ergänzungen dieses Vertrags bedürfen der Textform."});
        EN.put(CONTRACT, new String[] {
            "this agreement is made between {company} and you as set out below.",
            "The agreement commences on {date2} and continues until terminated by either party.",
            "The minimum term is {n1} months; after that either party may give one month's notice.",
            "Please sign and return one copy of this agreement by {due}.",
            "Any variation of this agreement must be made in writing."});
        DE.put(TAX_ASSESSMENT, new String[] {
            "aufgrund Ihrer Einkommensteuererklärung für {year} ergeht folgender Bescheid.",
            "Die Festsetzung erfolgt unter dem Vorbehalt der Nachprüfung gemäß § 164 AO.",
            "Bei der Berechnung wurden Werbungskosten in Höhe von {amount2} anerkannt.",
            "Der Unterschiedsbetrag wird auf das Konto {iban} erstattet.",
            "Die Angaben zu Sonderausgaben und außergewöhnlichen Belastungen wurden übernommen.",
            "Abweichungen von Ihrer Erklärung sind in den Erläuterungen aufgeführt."});
        EN.put(TAX_ASSESSMENT, new String[] {
            "following your tax return for the year {year}, we have calculated your liability as shown below.",
            "This calculation is based on the information you gave us and on employer returns.",
            "Allowable expenses of {amount2} have been deducted from your income.",
            "The overpayment will be repaid to account {iban} within five working days.",
            "Where our figures differ from your return, the reasons are explained in the notes.",
            "Please keep this statement with your other tax records for at least six years."});
        DE.put(PAYSLIP, new String[] {
            "anbei erhalten Sie Ihre Entgeltabrechnung für {period}.",
            "Personalnummer {n4}, Steuerklasse {n1}, Kinderfreibeträge 0,5.",
            "Die Auszahlung erfolgt auf Ihr Konto {iban}.",
            "Resturlaub zum Monatsende: {n2} Tage.",
            "Bitte prüfen Sie die Abrechnung und wenden Sie sich bei Fragen an die Personalabteilung."});
        EN.put(PAYSLIP, new String[] {
            "please find your pay statement for {period} below.",
            "Employee number {n4}, tax code 1257L, national insurance category A.",
            "Net pay will be transferred to account {iban}.",
            "Holiday remaining this year: {n2} days.",
            "If anything on this payslip looks wrong, please contact the payroll team."});
        DE.put(BANK_STATEMENT, new String[] {
            "Kontoauszug für das Konto {iban}, Zeitraum {period}.",
            "Bitte prüfen Sie die Buchungen; Einwendungen sind innerhalb von sechs Wochen zu erheben.",
            "Der Dispositionskredit beträgt unverändert {amount2}.",
            "Guthaben sind als Einlagen nach Maßgabe des Einlagensicherungsgesetzes entschädigungsfähig."});
        EN.put(BANK_STATEMENT, new String[] {
            "Statement for account {iban}, period {period}.",
            "Please check the entries and report anything you do not recognise within six weeks.",
            "Your arranged overdraft limit remains {amount2}.",
            "Eligible deposits are protected by the deposit guarantee scheme up to 100,000."});
        DE.put(INSURANCE_POLICY, new String[] {
            "wir freuen uns, Ihnen den Versicherungsschein zu Ihrem Vertrag {policy} zu übersenden.",
            "Versicherungsbeginn ist der {date2}, die Hauptfälligkeit jeweils der 1. Januar.",
            "Der Beitrag wird jährlich im Voraus per Lastschrift eingezogen.",
            "Es gelten die beigefügten Allgemeinen Versicherungsbedingungen in der Fassung {year}.",
            "Die Versicherungssumme beträgt {amount2} je Schadensfall.",
            "Bitte prüfen Sie die Angaben und teilen Sie uns Änderungen umgehend mit."});
        EN.put(INSURANCE_POLICY, new String[] {
            "we are pleased to enclose your policy schedule for policy {policy}.",
            "Cover starts on {date2} and renews each year unless cancelled.",
            "The premium is collected annually in advance by direct debit.",
            "The enclosed policy wording, edition {year}, forms part of this contract.",
            "The sum insured is {amount2} per claim.",
            "Please check these details carefully and tell us straight away if anything is wrong."});
        DE.put(LETTER, new String[] {
            "wir möchten Sie über eine Änderung informieren, die Ihr Kundenkonto {customer} betrifft.",
            "Ab dem {due} gelten neue Öffnungszeiten unseres Kundenservice.",
            "Ihre Anfrage vom {date2} haben wir erhalten und geprüft.",
            "Gern stehen wir Ihnen für ein persönliches Gespräch in unserer Geschäftsstelle in {city} zur Verfügung.",
            "Die angeforderten Unterlagen fügen wir diesem Schreiben bei.",
            "Ihre Adressänderung haben wir in unserem System hinterlegt."});
        EN.put(LETTER, new String[] {
            "we are writing to let you know about a change affecting your account {customer}.",
            "From {due} our customer service team will have new opening hours.",
            "Thank you for your enquiry of {date2}, which we have now looked into.",
            "We would be happy to meet you at our office in {city} if that is more convenient.",
            "The documents you asked for are enclosed with this letter.",
            "We have updated your address in our records."});
        DE.put(RECEIPT, new String[] {
            "Vielen Dank für Ihren Einkauf in unserer Filiale {city}.",
            "Bezahlt mit Girocard, Terminal-ID {n4}{n4}, Beleg-Nr. {n4}.",
            "Umtausch nur mit Kassenbon innerhalb von 30 Tagen.",
            "Kassierer: {contact}, Kasse {n1}."});
        EN.put(RECEIPT, new String[] {
            "Thank you for shopping with us in {city}.",
            "Paid by card, terminal {n4}{n4}, transaction {n4}.",
            "Returns accepted within 30 days with this receipt.",
            "Served by {contact}, till {n1}."});
        DE.put(DELIVERY_NOTE, new String[] {
            "wir liefern Ihnen heute folgende Artikel zu Ihrer Bestellung {docno}.",
            "Bitte prüfen Sie die Ware bei Anlieferung auf Vollständigkeit und Transportschäden.",
            "Die Rechnung erhalten Sie separat per E-Mail.",
            "Sendungsnummer für die Nachverfolgung: 00340{n4}{n4}{n4}.",
            "Anzahl Packstücke: {n1}, Gesamtgewicht {n2} kg."});
        EN.put(DELIVERY_NOTE, new String[] {
            "the following items have been dispatched against your order {docno}.",
            "Please check the goods for completeness and damage on arrival.",
            "Your invoice will be sent separately by email.",
            "Tracking number: 1Z{n4}{n4}{n4}.",
            "Number of parcels: {n1}, total weight {n2} kg."});
        DE.put(OFFER, new String[] {
            "vielen Dank für Ihre Anfrage. Gern unterbreiten wir Ihnen folgendes Angebot.",
            "Dieses Angebot ist gültig bis zum {due}.",
            "Die Lieferzeit beträgt ca. {n1} Wochen nach Auftragseingang.",
            "Alle Preise verstehen sich inklusive der gesetzlichen Mehrwertsteuer.",
            "Für Rückfragen steht Ihnen {contact} gern zur Verfügung."});
        EN.put(OFFER, new String[] {
            "thank you for your enquiry. We are pleased to quote as follows.",
            "This quotation is valid until {due}.",
            "Delivery takes about {n1} weeks from receipt of your order.",
            "All prices include VAT at the standard rate.",
            "{contact} will be happy to answer any questions."});
        DE.put(CERTIFICATE, new String[] {
            "hiermit bestätigen wir, dass {name} im Jahr {year} bei uns geführt wurde.",
            "Diese Bescheinigung wird zur Vorlage beim Finanzamt ausgestellt.",
            "Die Teilnahme umfasste {n2} Stunden in der Zeit vom {date2} bis zum {due}.",
            "Die Bescheinigung wurde maschinell erstellt und ist ohne Unterschrift gültig.",
            "Die Angaben entsprechen unseren Unterlagen zum Stichtag {date}."});
        EN.put(CERTIFICATE, new String[] {
            "we hereby confirm that {name} was registered with us during {year}.",
            "This certificate is issued for submission to the tax authorities.",
            "Attendance totalled {n2} hours between {date2} and {due}.",
            "This certificate was produced electronically and is valid without a signature.",
            "The details are correct according to our records as of {date}."});
    }

    /** Boilerplate every sender prints somewhere: pads pages realistically and varies the vocabulary. */
    private static final String[] FILLER_DE = {
        "Informationen zum Datenschutz finden Sie unter www.{host}.de/datenschutz.",
        "Unser Kundenservice ist montags bis freitags von 8 bis 18 Uhr für Sie erreichbar.",
        "Bitte geben Sie bei Rückfragen stets Ihre Kundennummer {customer} an.",
        "Nutzen Sie auch unser Online-Kundenportal, um Ihre Daten jederzeit einzusehen.",
        "Änderungen Ihrer Bankverbindung teilen Sie uns bitte rechtzeitig mit.",
        "Wir verarbeiten Ihre personenbezogenen Daten ausschließlich zur Vertragserfüllung.",
        "Dieses Dokument wurde elektronisch erstellt und ist ohne Unterschrift gültig.",
        "Auf Wunsch senden wir Ihnen künftige Unterlagen auch per E-Mail zu.",
        "Für die Richtigkeit der Angaben übernehmen wir keine Gewähr, soweit gesetzlich zulässig.",
        "Sollten Sie mit unserem Service nicht zufrieden sein, freuen wir uns über Ihre Rückmeldung.",
        "Die Zahlungsfrist gilt als gewahrt, wenn der Betrag rechtzeitig gutgeschrieben wird.",
        "Bitte bewahren Sie dieses Schreiben sorgfältig auf.",
        "Weitere Hinweise entnehmen Sie bitte der Rückseite.",
        "Unsere Geschäftsstelle in {city} bleibt am {date2} wegen einer Betriebsversammlung geschlossen."};
    private static final String[] FILLER_EN = {
        "Our privacy notice is available at www.{host}.com/privacy.",
        "Our customer service team is available Monday to Friday, 8am to 6pm.",
        "Please quote your customer number {customer} whenever you contact us.",
        "You can view your account at any time through our online portal.",
        "Please let us know promptly if your bank details change.",
        "We process your personal data only to manage your account.",
        "This document was produced electronically and is valid without a signature.",
        "If you prefer, we can send future documents by email.",
        "If you are unhappy with our service, please tell us so we can put things right.",
        "Payments are treated as received on the day they reach our account.",
        "Please keep this letter in a safe place.",
        "Further information is printed overleaf.",
        "Our {city} office will be closed on {date2} for staff training.",
        "Calls may be recorded for training and quality purposes."};

    /** Numbered clauses for contracts and policies, which are the long multi-page documents. */
    private static final String[] CLAUSES_DE = {
        "§ {n1} Vertragsgegenstand. Gegenstand des Vertrags ist die Erbringung der vereinbarten Leistungen durch {company}.",
        "§ {n1} Laufzeit und Kündigung. Der Vertrag kann von beiden Seiten mit einer Frist von drei Monaten zum Monatsende gekündigt werden.",
        "§ {n1} Vergütung. Die Vergütung ist jeweils zum Monatsersten fällig und wird per Lastschrift eingezogen.",
        "§ {n1} Haftung. Die Haftung für leichte Fahrlässigkeit ist ausgeschlossen, soweit keine wesentlichen Pflichten verletzt werden.",
        "§ {n1} Datenschutz. Personenbezogene Daten werden nur im Rahmen der Datenschutz-Grundverordnung verarbeitet.",
        "§ {n1} Preisanpassung. Preisänderungen werden mindestens sechs Wochen vor Inkrafttreten in Textform mitgeteilt.",
        "§ {n1} Pflichten des Kunden. Der Kunde teilt Änderungen seiner Anschrift und Bankverbindung unverzüglich mit.",
        "§ {n1} Schlussbestimmungen. Sollte eine Bestimmung unwirksam sein, bleibt der Vertrag im Übrigen wirksam.",
        "§ {n1} Gerichtsstand. Gerichtsstand ist, soweit gesetzlich zulässig, {city}."};
    private static final String[] CLAUSES_EN = {
        "Clause {n1}, Services. {company} will provide the services described in the schedule with reasonable skill and care.",
        "Clause {n1}, Term and termination. Either party may end this agreement by giving three months' written notice.",
        "Clause {n1}, Charges. Charges are payable monthly in advance by direct debit.",
        "Clause {n1}, Liability. Neither party is liable for indirect or consequential loss.",
        "Clause {n1}, Data protection. Personal data is processed in line with applicable data protection law.",
        "Clause {n1}, Price changes. We will give at least 30 days' notice of any change to our prices.",
        "Clause {n1}, Your obligations. You must tell us promptly about any change of address or bank details.",
        "Clause {n1}, Severability. If any provision is found invalid, the rest of this agreement remains in force.",
        "Clause {n1}, Governing law. This agreement is governed by the laws of England and Wales."};
}
