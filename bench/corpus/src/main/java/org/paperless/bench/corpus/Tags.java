package org.paperless.bench.corpus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The thirty tags. Each comes with sentences that carry its keywords, so a tag in the ground truth is
 * always backed by words in the text that a matcher or classifier can learn from.
 */
final class Tags {
    record Tag(String name, String[] de, String[] en) {}

    static final Map<String, Tag> ALL = new LinkedHashMap<>();

    private Tags() {}

    private static void tag(String name, String[] de, String[] en) {
        ALL.put(name, new Tag(name, de, en));
    }

    static {
        tag("electricity",
                new String[] {"Ihr Stromverbrauch im Abrechnungszeitraum betrug {kwh} kWh.",
                    "Der Zählerstand Ihres Stromzählers wurde am {date2} mit {meter} kWh abgelesen."},
                new String[] {"Your electricity consumption for the billing period was {kwh} kWh.",
                    "The electricity meter reading on {date2} was {meter} kWh."});
        tag("gas",
                new String[] {"Für Erdgas wurden {kwh} kWh bei einem Brennwert von 11,2 abgerechnet.",
                    "Der Gaszähler Nr. {n4} wurde turnusgemäß geprüft."},
                new String[] {"Gas usage of {kwh} kWh has been charged at the standard rate.",
                    "Gas meter no. {n4} has passed its routine inspection."});
        tag("water",
                new String[] {"Der Wasserverbrauch lag bei {n2} Kubikmetern Trinkwasser.",
                    "Die Abwassergebühr richtet sich nach der bezogenen Frischwassermenge."},
                new String[] {"Water consumption was {n2} cubic metres.",
                    "Sewerage is charged according to the volume of fresh water supplied."});
        tag("utilities",
                new String[] {"Die Nebenkosten für Heizung, Wasser und Müllabfuhr werden jährlich abgerechnet.",
                    "Ihre monatlichen Abschläge für Nebenkosten passen wir zum {due} an."},
                new String[] {"Utility costs for heating, water and refuse collection are settled once a year.",
                    "Your monthly utility instalments will be adjusted from {due}."});
        tag("household",
                new String[] {"Bitte bewahren Sie diese Unterlage bei Ihren Haushaltsunterlagen auf.",
                    "Für den Haushalt in der {street} gelten die bisherigen Konditionen weiter."},
                new String[] {"Please keep this document with your household records.",
                    "The current terms continue to apply to the household at {street}."});
        tag("internet",
                new String[] {"Ihr DSL-Anschluss mit bis zu {n3} Mbit/s ist seit dem {date2} aktiv.",
                    "Die Internet-Flatrate enthält unbegrenztes Datenvolumen im Festnetz."},
                new String[] {"Your broadband line with up to {n3} Mbit/s has been active since {date2}.",
                    "The internet flat rate includes unlimited data on the fixed line."});
        tag("mobile",
                new String[] {"Für Ihre Mobilfunknummer 0171 {n4}{n3} wurde das Datenvolumen erneuert.",
                    "Die SIM-Karte für Ihr Smartphone wird innerhalb von drei Werktagen versandt."},
                new String[] {"The data allowance for your mobile number 07700 {n3}{n3} has been renewed.",
                    "A replacement SIM card for your smartphone will be posted within three working days."});
        tag("subscription",
                new String[] {"Ihr Abonnement verlängert sich automatisch um weitere zwölf Monate.",
                    "Das Abo kann jederzeit zum Monatsende gekündigt werden."},
                new String[] {"Your subscription renews automatically for another twelve months.",
                    "The subscription can be cancelled at the end of any month."});
        tag("home-office",
                new String[] {"Die Kosten für das häusliche Arbeitszimmer und das Homeoffice sind gesondert ausgewiesen.",
                    "Für {n2} Tage im Homeoffice wird die Tagespauschale berücksichtigt."},
                new String[] {"Costs for working from home and the home office are listed separately.",
                    "A flat allowance for {n2} home office days has been taken into account."});
        tag("insurance",
                new String[] {"Der Versicherungsschutz beginnt am {date2} um 0:00 Uhr.",
                    "Ihre Versicherungsnummer {policy} bitte bei jedem Schadensfall angeben."},
                new String[] {"Insurance cover starts on {date2} at midnight.",
                    "Please quote your policy number {policy} whenever you make a claim."});
        tag("car",
                new String[] {"Versichertes Fahrzeug: Kennzeichen M-{plate}, Fahrgestellnummer WVWZZZ1K{n4}{n4}.",
                    "Die Schadenfreiheitsklasse Ihres Kfz beträgt SF {n1}."},
                new String[] {"Insured vehicle: registration {plate} ABC, annual mileage {n4} miles.",
                    "Your no-claims discount for the car is {n1} years."});
        tag("health",
                new String[] {"Die Behandlungskosten können Sie bei Ihrer Krankenkasse einreichen.",
                    "Bitte bringen Sie zum nächsten Termin Ihre Gesundheitskarte mit."},
                new String[] {"You may submit the treatment costs to your health insurer.",
                    "Please bring your health insurance card to your next appointment."});
        tag("legal",
                new String[] {"Gegen diesen Bescheid kann innerhalb eines Monats Einspruch eingelegt werden.",
                    "Es gelten die gesetzlichen Bestimmungen des BGB sowie die beigefügten AGB."},
                new String[] {"You may appeal against this decision within one month.",
                    "The statutory provisions and the enclosed terms and conditions apply."});
        tag("tax",
                new String[] {"Dieser Betrag ist steuerlich absetzbar; bewahren Sie den Beleg für die Steuererklärung auf.",
                    "Die Steuernummer {taxno} ist bei allen Rückfragen anzugeben."},
                new String[] {"This amount may be tax deductible; keep this record for your tax return.",
                    "Please quote the tax reference {taxno} in all correspondence."});
        tag("income",
                new String[] {"Die Einkünfte aus nichtselbständiger Arbeit wurden in voller Höhe erfasst.",
                    "Das zu versteuernde Einkommen beträgt {amount2}."},
                new String[] {"Income from employment has been recorded in full.",
                    "Your taxable income amounts to {amount2}."});
        tag("urgent",
                new String[] {"Bitte beachten Sie die Frist bis zum {due}; danach entstehen weitere Kosten.",
                    "Dringend: Ohne Ihre Rückmeldung müssen wir das Verfahren fortsetzen."},
                new String[] {"Please note the deadline of {due}; further charges apply after that date.",
                    "Urgent: without a reply from you we will have to proceed."});
        tag("bank",
                new String[] {"Die Buchungen erfolgen auf Ihr Girokonto IBAN {iban}.",
                    "Rechnungsabschluss und Kontostand gelten als genehmigt, wenn nicht binnen sechs Wochen widersprochen wird."},
                new String[] {"Entries are booked to your current account IBAN {iban}.",
                    "Please check your account balance and tell us of any discrepancy within six weeks."});
        tag("loan",
                new String[] {"Die Restschuld Ihres Darlehens beträgt zum Stichtag {amount2}.",
                    "Der Sollzins für den Kredit ist bis {year2} fest vereinbart."},
                new String[] {"The outstanding balance of your loan on this date is {amount2}.",
                    "The interest rate on the loan is fixed until {year2}."});
        tag("pension",
                new String[] {"Die Beiträge zur betrieblichen Altersvorsorge werden direkt abgeführt.",
                    "Ihre voraussichtliche Rente erhöht sich durch die Einzahlung um {amount2} monatlich."},
                new String[] {"Contributions to the workplace pension scheme are paid directly.",
                    "Your projected pension increases by {amount2} a month with this contribution."});
        tag("rail",
                new String[] {"Ihre Bahnfahrt von {city} nach {city} am {date2} ist gebucht.",
                    "Bei Zugausfall oder Verspätung erhalten Sie eine Fahrpreisentschädigung."},
                new String[] {"Your rail journey from {city} to {city} on {date2} is confirmed.",
                    "If your train is cancelled or delayed you are entitled to a partial refund."});
        tag("travel",
                new String[] {"Die Reisekosten für die Dienstreise nach {city} sind aufgeführt.",
                    "Bitte führen Sie bei der Reise einen gültigen Lichtbildausweis mit."},
                new String[] {"Travel expenses for the business trip to {city} are itemised.",
                    "Please carry valid photo identification when you travel."});
        tag("reimbursement",
                new String[] {"Die Erstattung von {amount2} wird auf Ihr Konto überwiesen.",
                    "Reichen Sie den Beleg zur Kostenerstattung bei Ihrem Arbeitgeber ein."},
                new String[] {"A reimbursement of {amount2} will be transferred to your account.",
                    "Submit this receipt to your employer to claim the expenses back."});
        tag("electronics",
                new String[] {"Elektrogeräte nehmen wir gemäß ElektroG kostenlos zurück.",
                    "Die Seriennummer des Geräts lautet SN{n4}-{n4}."},
                new String[] {"We take back old electronic devices free of charge.",
                    "The serial number of the device is SN{n4}-{n4}."});
        tag("furniture",
                new String[] {"Die Möbel werden vormontiert geliefert; die Aufbauanleitung liegt bei.",
                    "Lieferung der Möbel frei Bordsteinkante am {due}."},
                new String[] {"The furniture is delivered part-assembled with instructions enclosed.",
                    "Furniture delivery to the kerb is scheduled for {due}."});
        tag("books",
                new String[] {"Bücher unterliegen der Buchpreisbindung und dem ermäßigten Steuersatz.",
                    "Das Lehrbuch ist in der {n1}. Auflage erschienen."},
                new String[] {"Books are zero-rated for VAT.",
                    "The textbook is edition {n1} of the series."});
        tag("warranty",
                new String[] {"Die Garantie beträgt 24 Monate ab Kaufdatum; bitte bewahren Sie diesen Beleg auf.",
                    "Gewährleistungsansprüche richten sich nach den gesetzlichen Vorschriften."},
                new String[] {"The warranty lasts 24 months from the date of purchase; keep this receipt.",
                    "Warranty claims are handled under your statutory rights."});
        tag("salary",
                new String[] {"Das Gehalt für {period} wird zum Monatsende überwiesen.",
                    "Die Lohnsteuerklasse {n1} wurde berücksichtigt."},
                new String[] {"Your salary for {period} will be paid at the end of the month.",
                    "Your tax code 1257L has been applied to this salary payment."});
        tag("dental",
                new String[] {"Die zahnärztliche Behandlung umfasst Kontrolle und Zahnreinigung.",
                    "Der Heil- und Kostenplan für den Zahnersatz liegt bei."},
                new String[] {"The dental treatment included a check-up and cleaning.",
                    "The treatment plan for the dental crown is enclosed."});
        tag("rent",
                new String[] {"Die Miete ist monatlich im Voraus bis zum dritten Werktag zu zahlen.",
                    "Die Kaltmiete für die Wohnung in der {street} beträgt {amount2}."},
                new String[] {"Rent is payable monthly in advance by the third working day.",
                    "The rent for the flat at {street} is {amount2}."});
        tag("education",
                new String[] {"Der Kurs umfasst {n2} Unterrichtseinheiten zu je 45 Minuten.",
                    "Die Weiterbildung schließt mit einer Prüfung und einem Zertifikat ab."},
                new String[] {"The course comprises {n2} lessons of 45 minutes each.",
                    "The training ends with an examination and a certificate."});
    }
}
