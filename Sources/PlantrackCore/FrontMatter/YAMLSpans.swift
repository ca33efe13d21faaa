import CYAML

/// Where every value of a YAML text ends, by where it starts.
///
/// ``YAMLNode`` keeps only a value's start (all that findings need); the in-place editor
/// also needs the end, to replace exactly a value's characters. This second pass over
/// libyaml's events records each event's end mark, keyed by its start, so the node tree
/// stays as small as the hot path wants it.
struct YAMLSpans {
    /// A collection's end and whether it is written in flow style (`[a, b]`, `{k: v}`).
    struct CollectionSpan {
        var end: SourceLocation
        var isFlow: Bool
    }

    /// Scalar ends by start (the first character after the scalar, closing quote included).
    private(set) var scalarEnds: [SourceLocation: SourceLocation] = [:]
    /// Collection spans by start; for collections that share a start, the outermost.
    private(set) var collections: [SourceLocation: CollectionSpan] = [:]

    /// Reads the spans of `text` whose first line is file line `firstLine`. The text must
    /// already parse with ``YAMLParser``; a syntax error here yields what was read so far.
    init(_ text: ArraySlice<UInt8>, firstLine: Int) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else { return }
        defer { yaml_parser_delete(parser) }
        let lineOffset = firstLine - 1
        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
        }
        var open: [(start: SourceLocation, isFlow: Bool)] = []
        let bytes = Array(text)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            yaml_parser_set_input_string(parser, base, buffer.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while yaml_parser_parse(parser, &event) != 0 {
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    scalarEnds[location(event.start_mark)] = location(event.end_mark)
                case YAML_SEQUENCE_START_EVENT:
                    open.append((location(event.start_mark), event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE))
                case YAML_MAPPING_START_EVENT:
                    open.append((location(event.start_mark), event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let (start, isFlow) = open.popLast() {
                        // The outer collection ends last, so it overwrites an inner one.
                        collections[start] = CollectionSpan(end: location(event.end_mark), isFlow: isFlow)
                    }
                default:
                    break
                }
            }
        }
    }
}
