/// A source text that actors speak in: an article, a transcript, a report.
public struct Document: Sendable, Hashable, Codable {
    /// The document's unique slug, such as `stimson-2008`.
    public var id: String
    /// The document's title.
    public var title: String
    /// Who published it, if known.
    public var publisher: String?
    /// When it was published, possibly only to the year or month.
    public var date: PartialDate?
    /// Where it can be read, if known.
    public var url: String?
    /// The name of its source text file, used by `verify` to check quotes.
    public var file: String?
    /// Passages of the source that are not argument (navigation, sharing links, citation lines), which
    /// coverage does not count; each is matched as a quote is, with an optional location.
    public var skips: [Quote]

    /// Creates a document.
    public init(
        id: String, title: String, publisher: String? = nil, date: PartialDate? = nil,
        url: String? = nil, file: String? = nil, skips: [Quote] = []
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
        self.file = file
        self.skips = skips
    }

    private enum CodingKeys: String, CodingKey { case id, title, publisher, date, url, file, skips }

    /// Decodes a document; `skips` may be absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        publisher = try c.decodeIfPresent(String.self, forKey: .publisher)
        date = try c.decodeIfPresent(PartialDate.self, forKey: .date)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        file = try c.decodeIfPresent(String.self, forKey: .file)
        skips = try c.decodeIfPresent([Quote].self, forKey: .skips) ?? []
    }

    /// Encodes a document, leaving out absent fields and an empty `skips`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(publisher, forKey: .publisher)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encodeIfPresent(file, forKey: .file)
        if !skips.isEmpty { try c.encode(skips, forKey: .skips) }
    }
}

/// A calendar date known to the year, the month or the day (`2009`, `2008-03`, `2008-03-14`).
public struct PartialDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month (1–12), if known.
    public var month: Int?
    /// The day of the month (1–31), if known; only with a month.
    public var day: Int?

    /// Creates a date; returns nil when a field is out of range or a day has no month.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (0...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard month != nil, (1...31).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return nil }
        for (i, part) in parts.enumerated() where i > 0 && part.count != 2 { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(part) else { return nil }
            numbers.append(n)
        }
        self.init(
            year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
            day: numbers.count > 2 ? numbers[2] : nil)
    }

    /// The date as written in .arg files: `2008`, `2008-03` or `2008-03-14`.
    public var description: String {
        var s = String(year)
        while s.count < 4 { s = "0" + s }
        if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
        return s
    }

    /// Orders dates chronologically; a date known only to the year sorts before any day in that year.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// Encodes the date as its string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes the date from its string form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PartialDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid date '\(text)'")
        }
        self = date
    }
}
