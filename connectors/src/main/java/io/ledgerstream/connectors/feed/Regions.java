package io.ledgerstream.connectors.feed;

import java.util.List;

/** The two home regions of simulated users: a euro account in Germany and a sterling one in the UK. */
final class Regions {

    private static Merchant m(String name, String descriptor, String mcc) {
        return new Merchant(name, descriptor, mcc);
    }

    static final Destination NEW_YORK = new Destination("USD",
            m("United Airlines", "UNITED AIRLINES", "4511"), m("Marriott", "MARRIOTT NEW YORK", "7011"),
            m("Starbucks", "STARBUCKS STORE", "5814"), m("Shake Shack", "SHAKE SHACK NYC", "5812"),
            m("MTA", "MTA NYCT PAYGO", "4111"));
    static final Destination LONDON = new Destination("GBP",
            m("British Airways", "BRITISH AIRWAYS", "4511"), m("Premier Inn", "PREMIER INN LONDON", "7011"),
            m("Pret A Manger", "PRET A MANGER", "5814"), m("Dishoom", "DISHOOM LONDON", "5812"),
            m("Transport for London", "TFL TRAVEL CHARGE", "4111"));
    static final Destination ZURICH = new Destination("CHF",
            m("Swiss", "SWISS INTERNATIONAL AIR", "4511"), m("Hotel Schweizerhof", "HOTEL SCHWEIZERHOF ZUERICH", "7011"),
            m("Spruengli", "CONFISERIE SPRUENGLI", "5814"), m("Zeughauskeller", "ZEUGHAUSKELLER AG", "5812"),
            m("SBB", "SBB CFF FFS", "4111"));
    static final Destination BERLIN = new Destination("EUR",
            m("Lufthansa", "LUFTHANSA", "4511"), m("Motel One", "MOTEL ONE BERLIN", "7011"),
            m("Einstein Kaffee", "EINSTEIN KAFFEE", "5814"), m("Vapiano", "VAPIANO BERLIN", "5812"),
            m("BVG", "BVG TICKET", "4111"));

    static final Region GERMANY = new Region("EUR", "DE", "SEPA CREDIT TRANSFER", "SEPA STANDING ORDER",
            List.of("ACME GMBH", "NORDWIND LOGISTIK GMBH", "BLAUHAUS SOFTWARE AG", "STADTWERKE SERVICE GMBH"),
            List.of("M. WEBER", "HAUSVERWALTUNG KRAUSE", "J. SCHMIDT", "WOHNBAU NORD GMBH"),
            List.of(m("REWE", "REWE MARKT", "5411"), m("Edeka", "EDEKA CENTER", "5411"), m("Lidl", "LIDL DIENSTL", "5411"),
                    m("Aldi Sued", "ALDI SUED", "5411"), m("Kaufland", "KAUFLAND", "5411")),
            List.of(m("Starbucks", "STARBUCKS", "5814"), m("BackWerk", "BACKWERK", "5814"),
                    m("Coffee Fellows", "COFFEE FELLOWS", "5814"), m("McDonald's", "MCDONALDS", "5814")),
            List.of(m("Vapiano", "VAPIANO", "5812"), m("L'Osteria", "L OSTERIA", "5812"),
                    m("Pizzeria Da Mario", "PIZZERIA DA MARIO", "5812"), m("Sushi Yama", "SUSHI YAMA", "5812")),
            List.of(m("BVG", "BVG TICKET", "4111"), m("MVG", "MVG MUENCHEN", "4111"), m("HVV", "HVV HAMBURG", "4111")),
            List.of(m("Aral", "ARAL STATION", "5541"), m("Shell", "SHELL", "5541"), m("Esso", "ESSO STATION", "5541")),
            List.of(m("Amazon", "AMAZON MKTPL", "5999"), m("Zalando", "ZALANDO SE", "5691"), m("IKEA", "IKEA", "5712"),
                    m("H&M", "H&M", "5651"), m("dm", "DM DROGERIE", "5912"), m("Decathlon", "DECATHLON", "5941")),
            List.of(m("MediaMarkt", "MEDIAMARKT", "5732"), m("Apple", "APPLE STORE", "5732"), m("IKEA", "IKEA", "5712")),
            m("Vattenfall", "VATTENFALL EUROPE SALES", "4900"), m("Vodafone", "VODAFONE GMBH", "4814"),
            m("Telekom", "TELEKOM DEUTSCHLAND", "4814"),
            List.of(new Region.Subscription(m("Netflix", "NETFLIX.COM", "4899"), 13_99, 70),
                    new Region.Subscription(m("Spotify", "SPOTIFY AB", "5815"), 10_99, 60),
                    new Region.Subscription(m("McFit", "MCFIT", "7997"), 29_90, 40)),
            List.of(NEW_YORK, LONDON, ZURICH));

    static final Region UNITED_KINGDOM = new Region("GBP", "GB", "BACS CREDIT", "STANDING ORDER",
            List.of("ACME LTD", "NORTHWIND TRADING LTD", "RIVERSIDE NHS TRUST", "KESTREL DIGITAL LTD"),
            List.of("J SMITH", "FOXTONS LETTINGS", "A PATEL", "HOMESTEAD LETTINGS LTD"),
            List.of(m("Tesco", "TESCO STORES", "5411"), m("Sainsbury's", "SAINSBURYS S/MKTS", "5411"),
                    m("Asda", "ASDA STORES", "5411"), m("Waitrose", "WAITROSE", "5411"), m("Lidl", "LIDL GB", "5411")),
            List.of(m("Pret A Manger", "PRET A MANGER", "5814"), m("Costa", "COSTA COFFEE", "5814"),
                    m("Greggs", "GREGGS", "5814"), m("Caffe Nero", "CAFFE NERO", "5814")),
            List.of(m("Wagamama", "WAGAMAMA", "5812"), m("Nando's", "NANDOS", "5812"),
                    m("Pizza Express", "PIZZA EXPRESS", "5812"), m("The Red Lion", "THE RED LION", "5812")),
            List.of(m("Transport for London", "TFL TRAVEL CHARGE", "4111")),
            List.of(m("BP", "BP", "5541"), m("Shell", "SHELL", "5541"), m("Tesco", "TESCO PFS", "5541")),
            List.of(m("Amazon", "AMAZON.CO.UK", "5999"), m("Argos", "ARGOS", "5311"), m("Boots", "BOOTS", "5912"),
                    m("John Lewis", "JOHN LEWIS", "5311"), m("Next", "NEXT RETAIL", "5651")),
            List.of(m("Currys", "CURRYS", "5732"), m("Apple", "APPLE STORE", "5732"), m("John Lewis", "JOHN LEWIS", "5311")),
            m("British Gas", "BRITISH GAS", "4900"), m("EE", "EE LIMITED", "4814"), m("BT", "BT GROUP", "4814"),
            List.of(new Region.Subscription(m("Netflix", "NETFLIX.COM", "4899"), 10_99, 70),
                    new Region.Subscription(m("Spotify", "SPOTIFY", "5815"), 11_99, 60),
                    new Region.Subscription(m("PureGym", "PUREGYM", "7997"), 24_99, 40)),
            List.of(NEW_YORK, BERLIN, ZURICH));

    private Regions() {
    }
}
