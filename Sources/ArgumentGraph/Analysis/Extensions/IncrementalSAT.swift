#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one interface the extension semantics need from a SAT solver: variables, clauses added between calls,
/// solving under assumptions, and the model of the last satisfiable call.
///
/// Literals are `2 * variable + (negated ? 1 : 0)` (``SATSolver/lit(_:_:)``), variables `0..<variableCount`.
/// Two implementations: ``SATSolver`` (argraph's own CDCL solver, always there) and `CaDiCaLSolver` (the
/// CaDiCaL library, built in only where `libcadical-dev` is installed; see `SATEngine`).
public protocol IncrementalSAT {
    /// Adds a fresh variable and returns its index.
    mutating func newVariable() -> Int
    /// Makes room for `n` variables (a hint; never required).
    mutating func reserveVariables(_ n: Int)
    /// The polarity to try first for variable `v` (a hint; an engine may ignore it).
    mutating func setPhase(_ v: Int, _ positive: Bool)
    /// Adds a clause; returns false once the clause set is known to be unsatisfiable.
    @discardableResult mutating func addClause(_ clause: [Int32]) -> Bool
    /// Searches for a model that makes every assumption true; `cancel` is polled now and then.
    mutating func solve(assumptions: [Int32], cancel: (@Sendable () -> Bool)?) -> SATOutcome
    /// The value of every variable in the model of the last satisfiable call.
    var model: [Bool] { get }
}

/// The outcome of one ``IncrementalSAT/solve(assumptions:cancel:)`` call.
public enum SATOutcome: Sendable { case satisfiable, unsatisfiable, cancelled }

extension IncrementalSAT {
    /// Searches with no assumptions.
    public mutating func solve(cancel: (@Sendable () -> Bool)? = nil) -> SATOutcome {
        solve(assumptions: [], cancel: cancel)
    }
    /// Searches under assumptions, never cancelled.
    public mutating func solve(assumptions: [Int32]) -> SATOutcome { solve(assumptions: assumptions, cancel: nil) }
}

/// Which SAT solver the extension semantics run on.
public enum SATEngine: String, Sendable, CaseIterable {
    /// argraph's own CDCL solver (``SATSolver``).
    case cdcl
    /// CaDiCaL through its C API (`CaDiCaLSolver`); only in builds where the library was found.
    case cadical

    /// The engines this build has.
    public static var available: [SATEngine] {
        #if ARGRAPH_CADICAL
            [.cdcl, .cadical]
        #else
            [.cdcl]
        #endif
    }

    /// The default engine: CaDiCaL where the build has it, faster over the benchmark suite (docs/performance.md), or the
    /// one `ARGRAPH_SAT` names (`cdcl` or `cadical`) when that engine is in this build.
    public static var preferred: SATEngine {
        if let name = getenv("ARGRAPH_SAT").map({ String(cString: $0) }), let e = SATEngine(rawValue: name),
            available.contains(e)
        {
            return e
        }
        // CaDiCaL solved 177 of 189 tasks of the generated suite against 172 for argraph's own solver, at about the
        // same time on the rest (geometric mean of own / CaDiCaL 1.06): docs/performance.md.
        return available.contains(.cadical) ? .cadical : .cdcl
    }

    /// The engine ``Extensions`` uses in this task: ``preferred`` unless set for a scope with
    /// `SATEngine.$current.withValue(.cadical) { ... }` (tests run both engines side by side this way).
    @TaskLocal public static var current: SATEngine = .preferred

    /// A fresh, empty solver of this engine (argraph's own when this one is not in the build).
    public func makeSolver() -> any IncrementalSAT {
        switch self {
        case .cdcl: return SATSolver()
        case .cadical:
            #if ARGRAPH_CADICAL
                return CaDiCaLSolver()
            #else
                return SATSolver()
            #endif
        }
    }
}
