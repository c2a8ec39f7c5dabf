/// The REPL library; its session and commands arrive with the REPL issue.
public enum ArgraphREPLInfo {
    /// The library version.
    public static let version = "0.1.0"
}
