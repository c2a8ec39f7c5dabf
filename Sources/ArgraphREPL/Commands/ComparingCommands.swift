extension CommandRegistry {
    /// Commands that compare actors, documents and graphs (filled by the comparing work).
    static let comparingCommands: [Command] = []
}
