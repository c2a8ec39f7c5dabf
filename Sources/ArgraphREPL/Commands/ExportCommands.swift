extension CommandRegistry {
    /// Commands that write graphs and reports in other formats (filled by the export work).
    static let exportCommands: [Command] = []
}
