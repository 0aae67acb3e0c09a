// Package safefile is the one place Singlecam makes file names from words it
// does not control (job names, actor names, a character's name) and creates
// new files beside others: never over one, and durably. Downloads, exports,
// retargeting, the BVH ZIPs it writes and the job folders all use it, so a
// name is made safe one way and a crash never leaves half a file under a
// final name.
package safefile

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// MaxNameBytes keeps names well inside every file system's limit (255
// bytes), leaving room for " (99)", ".part" and a temporary suffix.
const MaxNameBytes = 120

// windowsReserved are device names Windows will not use as file names, with
// or without an extension (COM¹ and friends included).
var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true}

func init() {
	for _, d := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
		windowsReserved["COM"+d] = true
		windowsReserved["LPT"+d] = true
	}
}

// SafeName turns words into one file name valid and harmless on Windows,
// macOS and Linux at once (the strictest rules of the three): no
// separators, no "." or "..", no control characters nor any of
// \/:*?"<>|, no reserved device names, no leading or trailing dots or
// spaces, at most MaxNameBytes bytes of valid UTF-8. It never returns "".
func SafeName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f || r == utf8.RuneError:
			b.WriteByte('_')
		case strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.Trim(b.String(), " .")
	stem := strings.ToUpper(strings.TrimSpace(strings.SplitN(s, ".", 2)[0]))
	if windowsReserved[stem] {
		s = "_" + s
	}
	for len(s) > MaxNameBytes {
		_, size := utf8.DecodeLastRuneInString(s)
		s = strings.TrimRight(s[:len(s)-size], " .")
	}
	if s == "" {
		return "untitled"
	}
	return s
}

// SafeStem is SafeName for a name an extension will be added to: it keeps
// room for the extension within MaxNameBytes.
func SafeStem(stem, ext string) string {
	s := SafeName(stem)
	for len(s)+len(ext) > MaxNameBytes && len(s) > 1 {
		_, size := utf8.DecodeLastRuneInString(s)
		s = strings.TrimRight(s[:len(s)-size], " .")
	}
	return s
}

// IsPlain reports whether name, read from a file Singlecam did not
// necessarily write (a job's manifest, a journal), is one plain file name
// that stays inside the folder it is joined to: local (no "..", not
// absolute, no volume), with no separator of any OS, and not empty.
func IsPlain(name string) bool {
	return name != "" && name != "." && filepath.IsLocal(name) &&
		!strings.ContainsAny(name, `/\`) && !strings.ContainsRune(name, 0)
}

// Numbered is name with " (n)" before its extension: "Walk.glb" (n ≤ 1),
// "Walk (2).glb".
func Numbered(name string, n int) string {
	if n <= 1 {
		return name
	}
	ext := filepath.Ext(name)
	return fmt.Sprintf("%s (%d)%s", strings.TrimSuffix(name, ext), n, ext)
}
