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
    public init?(_ text: some StringProtocol) {
        var body = Substring(text)
        let isLines = body.first == "L"
        if isLines { body = body.dropFirst() }
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 12, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                let n = Int(part)
            else { return nil }
            numbers.append(n)
        }
        if isLines {
            let last = numbers.count == 2 ? numbers[1] : numbers[0]
            guard numbers[0] >= 1, last >= numbers[0] else { return nil }
            self = .lines(first: numbers[0], last: last)
        } else {
            guard numbers.count == 2, numbers[1] > numbers[0] else { return nil }
            self = .characters(start: numbers[0], end: numbers[1])
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
