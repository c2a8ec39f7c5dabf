/// An actor asserting or denying a claim, possibly in a document and with verbatim quotes.
public struct Stance: Sendable, Hashable, Codable {
    /// The index of the actor in `Graph.actors`.
    public var actor: Int
    /// The index of the claim in `Graph.claims`.
    public var claim: Int
    /// Whether the actor asserts or denies the claim.
    public var kind: StanceKind
    /// The index of the document in `Graph.documents` where the actor takes this stance, if known.
    public var document: Int?
    /// The actor's own words, verbatim.
    public var quotes: [Quote]

    /// Creates a stance from indices.
    public init(actor: Int, claim: Int, kind: StanceKind = .asserts, document: Int? = nil, quotes: [Quote] = []) {
        self.actor = actor
        self.claim = claim
        self.kind = kind
        self.document = document
        self.quotes = quotes
    }
}

/// Whether an actor holds a claim or rejects it.
public enum StanceKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The actor holds the claim.
    case asserts
    /// The actor rejects the claim.
    case denies
}

/// A verbatim passage of a document, with its place in the source if known.
public struct Quote: Sendable, Hashable, Codable {
    /// The words exactly as they stand in the source.
    public var text: String
    /// Where the words stand in the source file, if recorded.
    public var location: QuoteLocation?

    /// Creates a quote.
    public init(_ text: String, location: QuoteLocation? = nil) {
        self.text = text
        self.location = location
    }
}

/// The place of a quote in its source file.
public enum QuoteLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Lines `first` through `last` (1-based, inclusive).
    case lines(first: Int, last: Int)
    /// Unicode scalar offsets from 0, end exclusive.
    case characters(start: Int, end: Int)

    /// Parses `L12`, `L12-14` or `1040-1068`; returns nil for anything else or an empty or reversed range.
    public init?(_ text: some StringProtocol) { self.init(utf8: text.utf8) }

    /// Parses the UTF-8 bytes of `L12`, `L12-14` or `1040-1068` (numbers of 1 to 12 ASCII digits); nil for anything
    /// else or an empty or reversed range. Inlinable, so that a reader's byte slices are parsed without a `String`.
    @inlinable public init?(utf8 b: some Collection<UInt8>) {
        var i = b.startIndex
        let isLines = i != b.endIndex && b[i] == UInt8(ascii: "L")
        if isLines { i = b.index(after: i) }
        var numbers: (Int, Int) = (0, 0)
        var count = 0
        while true {
            var n = 0, digits = 0
            while i != b.endIndex, b[i] != UInt8(ascii: "-") {
                guard b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
                n = n &* 10 &+ Int(b[i] &- UInt8(ascii: "0"))
                digits += 1
                i = b.index(after: i)
            }
            guard digits > 0, digits <= 12, count < 2 else { return nil }
            if count == 0 { numbers.0 = n } else { numbers.1 = n }
            count += 1
            if i == b.endIndex { break }
            i = b.index(after: i)  // the '-'
        }
        if isLines {
            let last = count == 2 ? numbers.1 : numbers.0
            guard numbers.0 >= 1, last >= numbers.0 else { return nil }
            self = .lines(first: numbers.0, last: last)
        } else {
            guard count == 2, numbers.1 > numbers.0 else { return nil }
            self = .characters(start: numbers.0, end: numbers.1)
        }
    }

    /// The location as written in .arg files.
    public var description: String {
        switch self {
        case let .lines(first, last): first == last ? "L\(first)" : "L\(first)-\(last)"
        case let .characters(start, end): "\(start)-\(end)"
        }
    }

    /// Encodes the location as its string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes the location from its string form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let location = QuoteLocation(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid quote location '\(text)'")
        }
        self = location
    }
}
