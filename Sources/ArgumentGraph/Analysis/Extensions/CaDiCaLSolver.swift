#if ARGRAPH_CADICAL
    import CCaDiCaL

    /// CaDiCaL (Biere et al.) behind ``IncrementalSAT``, through its IPASIR-style C API (`ccadical.h`).
    ///
    /// Built in only where the library is installed (Debian: `libcadical-dev`): `Package.swift` looks for the header
    /// and, when it is there, adds the `CCaDiCaL` system-library target and defines `ARGRAPH_CADICAL`. Literals are
    /// translated from argraph's `2v + negated` to CaDiCaL's `±(v + 1)`. A class, since it owns the C solver.
    public final class CaDiCaLSolver: IncrementalSAT {
        private let solver: OpaquePointer
        public private(set) var variableCount = 0
        public private(set) var model: [Bool] = []

        public init() {
            solver = ccadical_init()
            ccadical_set_option(solver, "quiet", 1)  // it would print `c ...` lines on standard output
        }
        deinit { ccadical_release(solver) }

        @inline(__always) private static func external(_ l: Int32) -> Int32 {
            l & 1 == 0 ? (l >> 1) + 1 : -((l >> 1) + 1)
        }

        public func newVariable() -> Int { variableCount += 1; return variableCount - 1 }
        public func reserveVariables(_ n: Int) {}
        /// CaDiCaL's C API has no per-variable phase; its default first polarity is already `true`.
        public func setPhase(_ v: Int, _ positive: Bool) {}

        @discardableResult
        public func addClause(_ clause: [Int32]) -> Bool {
            for l in clause { ccadical_add(solver, CaDiCaLSolver.external(l)) }
            ccadical_add(solver, 0)
            return true
        }

        public func solve(assumptions: [Int32], cancel: (@Sendable () -> Bool)?) -> SATOutcome {
            for l in assumptions { ccadical_assume(solver, CaDiCaLSolver.external(l)) }
            let result: Int32
            if let cancel {
                // The C callback gets the Swift closure back through its state pointer.
                let box = Unmanaged.passRetained(CancelBox(cancel))
                ccadical_set_terminate(solver, box.toOpaque()) { state in
                    Unmanaged<CancelBox>.fromOpaque(state!).takeUnretainedValue().cancel() ? 1 : 0
                }
                result = ccadical_solve(solver)
                ccadical_set_terminate(solver, nil, nil)
                box.release()
            } else {
                result = ccadical_solve(solver)
            }
            switch result {
            case 10:
                model = (0..<variableCount).map { ccadical_val(solver, Int32($0 + 1)) > 0 }
                return .satisfiable
            case 20: return .unsatisfiable
            default: return .cancelled
            }
        }

        private final class CancelBox {
            let cancel: @Sendable () -> Bool
            init(_ cancel: @escaping @Sendable () -> Bool) { self.cancel = cancel }
        }
    }
#endif
