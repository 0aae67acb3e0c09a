package gltf

// Limits on a document's JSON before it is decoded. Decoding allocates far
// more than the text's size for each object (a 64 MB run of "{}," in
// "nodes" allocated 18 GB over a minute), so the objects and values are
// counted first, in one pass that allocates nothing. Real documents hold a
// few thousand objects: a VRM avatar with 300 nodes and 900 accessors
// about 3,000; a mocap GLB with 100 joints about 1,500.
const (
	maxJSONObjects = 200_000
	maxJSONValues  = 500_000 // commas: array elements and object members
	maxJSONDepth   = 128
)

// checkShape refuses JSON with more objects, values or nesting than any
// glTF document needs. It does not check the syntax: the decoder does.
func checkShape(doc []byte) error {
	objects, values, depth := 0, 0, 0
	inString, escaped := false, false
	for _, c := range doc {
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{':
			objects++
			depth++
		case '[':
			depth++
		case '}', ']':
			depth--
		case ',':
			values++
		}
		if objects > maxJSONObjects || values > maxJSONValues || depth > maxJSONDepth {
			return bad("its JSON holds more objects, values or nesting than a glTF document needs (over %d objects, %d values or %d levels)",
				maxJSONObjects, maxJSONValues, maxJSONDepth)
		}
	}
	return nil
}
