// The library's one import: `import ArgumentGraph` brings every layer (docs/architecture.md).
@_exported import ArgumentGraphAnalysis
@_exported import ArgumentGraphExport
@_exported import ArgumentGraphFormats
@_exported import ArgumentGraphGenerate
@_exported import ArgumentGraphModel
@_exported import ArgumentGraphText
