package transfer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// maxNameBytes keeps names well inside every file system's limit (255),
// leaving room for " (99)" and ".part".
const maxNameBytes = 120

// windowsReserved are device names Windows will not use as file names, with
// or without an extension.
var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true}

func init() {
	for i := 1; i <= 9; i++ {
		windowsReserved[fmt.Sprintf("COM%d", i)] = true
		windowsReserved[fmt.Sprintf("LPT%d", i)] = true
	}
}

// SafeName turns a name from the server (a job name, an output format) into
// one file name that is valid and harmless on Windows, macOS and Linux: no
// separators or "..", no control or reserved characters, no reserved device
// names, no trailing dots or spaces, not too long. It never returns "".
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
	for len(s) > maxNameBytes {
		_, size := utf8.DecodeLastRuneInString(s)
		s = strings.TrimRight(s[:len(s)-size], " .")
	}
	if s == "" {
		return "untitled"
	}
	return s
}

// UniquePath is dir/name when nothing is there (nor a download of it in
// progress), else the first free "name (2).ext", "name (3).ext", ...
func UniquePath(dir, name string) string {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 1; ; n++ {
		candidate := name
		if n > 1 {
			candidate = fmt.Sprintf("%s (%d)%s", stem, n, ext)
		}
		path := filepath.Join(dir, candidate)
		if !exists(path) && !exists(path+PartSuffix) {
			return path
		}
	}
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
