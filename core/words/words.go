// Package words sets names inside the app's sentences the one way every
// message does: in curly quotes, a file by its base name only (a user knows
// their file by name; the folder is noise, and may be private).
package words

import "path/filepath"

// Quote puts s in curly quotes: “s”.
func Quote(s string) string { return "\u201c" + s + "\u201d" }

// QuoteFile quotes the last element of path: “clip.mp4”.
func QuoteFile(path string) string { return Quote(filepath.Base(path)) }
