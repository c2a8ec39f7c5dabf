extension CommandRegistry {
    /// Commands that compute acceptability and strength (filled by the scoring work).
    static let scoringCommands: [Command] = []

    /// Names offered by Tab where a command expects a semantics (``CompletionKind/semantics``).
    public static let semanticsNames: [String] = []
}
