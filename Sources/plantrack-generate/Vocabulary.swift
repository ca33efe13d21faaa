/// The words the generator writes: focus areas with their goals, indicators and activities,
/// funding streams, people and sentences. Modelled on the state–SKR agreements on mental
/// health and the Stockholm county plan; every item is invented.
struct AreaTemplate {
    let id: String
    let title: String
    /// An optional sub-area (id, title) under this area.
    let subArea: (id: String, title: String)?
    let longTermGoals: [String]
    let shortTermGoals: [String]
    /// Indicator (title, unit, direction, baseline range) for short-term goals.
    let indicators: [IndicatorTemplate]
    let activities: [String]
}

struct IndicatorTemplate {
    let title: String
    let unit: String
    let increase: Bool
    let baseline: ClosedRange<Int>
    let source: String
}

let allAreaTemplates: [AreaTemplate] = [
    AreaTemplate(
        id: "bu", title: "Barn och unga 0–24 år", subArea: (id: "bu-skola", title: "Skolan som arena"),
        longTermGoals: ["Förbättrad psykisk hälsa bland barn och unga", "Barn och unga får tidigt stöd på rätt nivå"],
        shortTermGoals: [
            "Fler elever har tillgång till elevhälsans främjande arbete",
            "Kortare väntetid till första bedömning i barn- och ungdomspsykiatrin",
            "Stärkt samverkan mellan skola, socialtjänst och första linjen",
            "Ökad kunskap om psykisk hälsa hos personal i förskola och skola",
        ],
        indicators: [
            IndicatorTemplate(
                title: "Andel elever i årskurs 9 som mår bra", unit: "percent", increase: true, baseline: 55...70,
                source: "Elevhälsoenkäten"),
            IndicatorTemplate(
                title: "Väntetid till första bedömning i BUP", unit: "days", increase: false, baseline: 30...90,
                source: "Väntetider i vården"),
            IndicatorTemplate(
                title: "Antal skolor med samverkansavtal", unit: "count", increase: true, baseline: 4...20, source: "Egen uppföljning"),
        ],
        activities: [
            "Utbildning i psykisk första hjälp för skolpersonal", "Gemensam elevhälsomodell i grundskolan",
            "Samordnad individuell plan för barn och unga", "Föräldraskapsstöd i förskolan",
            "Ungdomsmottagning på nätet", "Tidiga insatser vid problematisk skolfrånvaro",
            "Kartläggning av stödet till unga vuxna", "Samverkansteam för barn med sammansatta behov",
        ]),
    AreaTemplate(
        id: "sp", title: "Suicidprevention", subArea: nil,
        longTermGoals: ["Minskat antal suicid och suicidförsök i länet"],
        shortTermGoals: [
            "Fler verksamheter har en handlingsplan för suicidprevention",
            "Ökad kunskap om suicidrisk hos personal i vård och omsorg",
            "Strukturerad uppföljning efter suicidförsök",
        ],
        indicators: [
            IndicatorTemplate(
                title: "Antal utbildade i suicidprevention", unit: "count", increase: true, baseline: 20...200, source: "Egen uppföljning"),
            IndicatorTemplate(
                title: "Andel patienter med uppföljning inom sju dagar efter suicidförsök", unit: "percent", increase: true,
                baseline: 40...65, source: "Journaluppföljning"),
        ],
        activities: [
            "Utbildning i suicidprevention för vård och omsorg", "Regional handlingsplan för suicidprevention",
            "Händelseanalyser efter suicid", "Samverkan med polis och räddningstjänst vid suicidrisk",
            "Kampanj om psykisk hälsa under hösten", "Stöd till efterlevande",
        ]),
    AreaTemplate(
        id: "sv", title: "Samverkan mellan huvudmän", subArea: nil,
        longTermGoals: ["En sammanhållen vård och omsorg för personer med psykisk ohälsa"],
        shortTermGoals: [
            "Fler samordnade individuella planer upprättas",
            "Gemensamma rutiner för in- och utskrivning",
            "Stärkt samverkan i ledningsgrupper på länsnivå",
        ],
        indicators: [
            IndicatorTemplate(
                title: "Antal upprättade samordnade individuella planer", unit: "count", increase: true, baseline: 50...400,
                source: "Kolada"),
            IndicatorTemplate(
                title: "Andel utskrivningar med planering inom tre dagar", unit: "percent", increase: true, baseline: 50...75,
                source: "Egen uppföljning"),
        ],
        activities: [
            "Gemensam rutin för samordnad individuell plan", "Länsgemensamt forum för chefer inom psykiatri och socialtjänst",
            "Överenskommelse om samarbete vid utskrivning", "Digital samverkansplattform",
            "Utbildning i SIP för handläggare", "Uppföljning av överenskommelsen mellan huvudmännen",
        ]),
    AreaTemplate(
        id: "bm", title: "Brukarmedverkan och delaktighet", subArea: nil,
        longTermGoals: ["Brukare och anhöriga är delaktiga i utvecklingen av stödet"],
        shortTermGoals: [
            "Fler verksamheter använder brukarrevision",
            "Brukarorganisationer deltar i planering och uppföljning",
        ],
        indicators: [
            IndicatorTemplate(
                title: "Antal genomförda brukarrevisioner", unit: "count", increase: true, baseline: 1...8, source: "Egen uppföljning")
        ],
        activities: [
            "Brukarrevision i socialpsykiatrin", "Stöd till brukarorganisationernas samverkansråd",
            "Utbildning av brukarrevisorer", "Anhörigdagar i samverkan med föreningar",
            "Delaktighetsmodell i psykiatrin",
        ]),
    AreaTemplate(
        id: "ae", title: "Äldres psykiska hälsa", subArea: nil,
        longTermGoals: ["Minskad psykisk ohälsa bland äldre"],
        shortTermGoals: [
            "Fler äldre med depression upptäcks och får behandling",
            "Minskad ensamhet bland äldre i ordinärt boende",
        ],
        indicators: [
            IndicatorTemplate(
                title: "Andel äldre som ofta känner sig ensamma", unit: "percent", increase: false, baseline: 12...25,
                source: "Vad tycker de äldre om äldreomsorgen")
        ],
        activities: [
            "Screening för depression i hemtjänsten", "Träffpunkter för äldre",
            "Kompetenslyft om psykisk ohälsa i äldreomsorgen", "Uppsökande verksamhet bland äldre",
            "Samverkan mellan primärvård och äldreomsorg",
        ]),
    AreaTemplate(
        id: "ss", title: "Samsjuklighet och beroende", subArea: nil,
        longTermGoals: ["Personer med samsjuklighet får samordnat stöd"],
        shortTermGoals: [
            "Integrerade team för samsjuklighet finns i fler kommuner",
            "Kortare tid till behandling vid beroende",
        ],
        indicators: [
            IndicatorTemplate(
                title: "Antal personer i integrerad behandling", unit: "count", increase: true, baseline: 20...150,
                source: "Egen uppföljning"),
            IndicatorTemplate(
                title: "Väntetid till beroendebehandling", unit: "days", increase: false, baseline: 14...60, source: "Egen uppföljning"),
        ],
        activities: [
            "Integrerat mottagningsteam för samsjuklighet", "Gemensam utbildning i motiverande samtal",
            "Lågtröskelmottagning för unga med beroende", "Rutin för samordning mellan missbruksvård och psykiatri",
            "Uppföljning med ASI-intervjuer",
        ]),
    AreaTemplate(
        id: "fp", title: "Främjande och förebyggande arbete", subArea: nil,
        longTermGoals: ["Fler invånare har god psykisk hälsa"],
        shortTermGoals: [
            "Ökad kunskap om psykisk hälsa hos invånarna",
            "Fler arbetsplatser arbetar främjande med psykisk hälsa",
        ],
        indicators: [
            IndicatorTemplate(
                title: "Andel invånare med gott psykiskt välbefinnande", unit: "percent", increase: true, baseline: 60...75,
                source: "Hälsa på lika villkor")
        ],
        activities: [
            "Föreläsningsserie om psykisk hälsa", "Friskvårdsinsatser på arbetsplatser",
            "Psykisk hälsa i föreningslivet", "Informationsinsats på flera språk",
            "Lokala handlingsplaner för psykisk hälsa",
        ]),
    AreaTemplate(
        id: "ko", title: "Kompetensförsörjning", subArea: nil,
        longTermGoals: ["Tillgång till personal med rätt kompetens inom psykiatri och socialtjänst"],
        shortTermGoals: [
            "Fler medarbetare har grundutbildning i psykisk hälsa",
            "Minskad personalomsättning i socialpsykiatrin",
        ],
        indicators: [
            IndicatorTemplate(
                title: "Andel medarbetare med grundutbildning", unit: "percent", increase: true, baseline: 30...60, source: "Personalsystem"
            ),
            IndicatorTemplate(
                title: "Personalomsättning i socialpsykiatrin", unit: "percent", increase: false, baseline: 12...25,
                source: "Personalsystem"),
        ],
        activities: [
            "Introduktionsprogram för nya medarbetare", "Handledning för personal i boenden",
            "Webbutbildning om psykiatriska diagnoser", "Karriärvägar för skötare",
            "Gemensam kompetensplan för länet",
        ]),
]

/// Funding streams (satsningar) of the agreements.
let fundingStreams = [
    "Insatser för stärkt samverkan", "Suicidprevention", "Barn och unga", "Brukarmedverkan",
    "Ungdomsmottagningar", "Psykiatrisk heldygnsvård", "Utveckling av första linjen",
]

let firstNames = [
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma", "Ingrid", "Malin", "Åsa",
    "Maja", "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils", "Mikael", "Björn", "Göran",
    "Jonas", "Östen", "Sören", "Ali", "Fatima", "Leila", "Jenny", "Håkan",
]
let lastNames = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Lindqvist", "Åberg", "Öberg", "Ström", "Sjöberg", "Lindström",
    "Bäckström", "Hägglund", "Ekström", "Nyström", "Holmgren", "Löfgren",
]
let roles = [
    "Samordnare psykisk hälsa", "Verksamhetsutvecklare", "Utvecklingsledare", "Strateg",
    "Avdelningschef", "Processledare",
]
let steeringRoles = ["Ordförande", "Ledamot", "Ledamot", "Ledamot", "Sekreterare"]
let organisationsOfRegion = [
    "Hälso- och sjukvårdsförvaltningen", "Psykiatri Nord", "Barn- och ungdomspsykiatrin",
    "Primärvården", "Regionledningskontoret",
]
let organisationsOfMunicipality = [
    "Socialförvaltningen", "Utbildningsförvaltningen", "Omsorgsförvaltningen",
    "Kommunledningskontoret", "Kultur- och fritidsförvaltningen",
]
let partnerOrganisations = [
    "Polismyndigheten", "Försäkringskassan", "Arbetsförmedlingen", "Attention", "RSMH",
    "Suicide Zero", "Studieförbundet Vuxenskolan", "Länsstyrelsen", "Svenska kyrkan",
]
let objectives = [
    "Främja psykisk hälsa och förebygga psykisk ohälsa hos alla invånare",
    "Ge tidiga och samordnade insatser till barn och unga",
    "Minska antalet suicid i länet",
    "Stärka brukarnas och de anhörigas delaktighet",
    "Utveckla samverkan mellan region och kommuner",
    "Säkra en jämlik tillgång till vård och stöd",
]
let cancelReasons = [
    "Medlen omfördelades till en prioriterad insats.",
    "Samarbetspartnern kunde inte delta.",
    "Insatsen ersattes av ett nationellt initiativ.",
    "Beslut i styrgruppen efter omprioritering.",
]
let delayNotes = [
    "Rekryteringen av projektledare har dragit ut på tiden.",
    "Upphandlingen är överklagad och arbetet väntar.",
    "Samverkansparterna behöver mer tid för förankring.",
    "Hög sjukfrånvaro i verksamheten har försenat arbetet.",
]
let progressNotes = [
    "Arbetet löper enligt plan.", "Första träffen med arbetsgruppen är genomförd.",
    "Utbildningstillfällena under perioden var fullbokade.", "Uppföljning med verksamheterna är gjord.",
    "Materialet är översatt och spritt till verksamheterna.", "Delrapport lämnad till styrgruppen.",
    "Fler deltagare än väntat; ytterligare tillfällen planeras.",
]
let taskTitles = [
    "Ta fram projektplan", "Förankra i ledningsgruppen", "Genomföra utbildning", "Utvärdera insatsen",
    "Rapportera till styrgruppen", "Ta fram informationsmaterial", "Rekrytera deltagare",
]
let backgroundSentences = [
    "Överenskommelsen mellan staten och SKR ger länet stimulansmedel för arbetet med psykisk hälsa.",
    "Den länsgemensamma analysen visar att behoven är störst bland barn och unga samt bland äldre.",
    "Psykisk ohälsa är en av de vanligaste orsakerna till sjukskrivning i länet.",
    "Planen bygger på tidigare års erfarenheter och revideras årligen.",
    "Arbetet utgår från invånarnas behov och sker i nära samverkan med brukarorganisationerna.",
    "Kommunerna och regionen delar ansvaret för insatserna och följer upp dem gemensamt.",
]
let purposeSentences = [
    "Syftet är att samla de prioriterade insatserna och göra dem möjliga att följa upp.",
    "Handlingsplanen ska ge styrgruppen en tydlig bild av vad som görs och vad det ger.",
    "Planen ska bidra till en mer jämlik psykisk hälsa i hela länet.",
]
let organisationSentences = [
    "Styrgruppen följer upp planen vid varje möte och beslutar om omprioriteringar.",
    "En samordnare på länsnivå håller ihop arbetet och rapporterar till SKR.",
    "Arbetsgrupper för varje insatsområde ansvarar för genomförandet.",
]
let goalSentences = [
    "Målet är viktigt eftersom tidiga insatser minskar lidande och kostnader.",
    "Utvecklingen följs upp varje kvartal och redovisas för styrgruppen.",
    "Målet knyter an till de nationella målen för folkhälsa.",
    "Uppföljningen görs med indikatorer från Kolada och egna mätningar.",
]
let activitySentences = [
    "Aktiviteten genomförs i samverkan mellan region och kommuner.",
    "Insatsen riktar sig till medarbetare i de verksamheter som möter målgruppen.",
    "Erfarenheterna sammanställs och sprids till övriga kommuner i länet.",
    "Arbetet bygger på beprövad erfarenhet och aktuell forskning.",
    "Deltagarna får stöd av en processledare under hela året.",
]
