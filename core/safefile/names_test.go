package safefile

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"render_video.mp4":       "render_video.mp4",
		"Jump / take 2":          "Jump _ take 2",
		`..\..\evil`:             "_.._evil",
		"../../etc/passwd":       "_.._etc_passwd",
		"..":                     "untitled",
		"":                       "untitled",
		"   ":                    "untitled",
		"name. ":                 "name",
		"CON":                    "_CON",
		"con.fbx":                "_con.fbx",
		"LPT9.txt":               "_LPT9.txt",
		"COM10":                  "COM10",
		"COM¹.bvh":               "_COM¹.bvh",
		"conout$":                "_conout$",
		".hidden":                "hidden",
		"tab\there\x00nul":       "tab_here_nul",
		`a:b*c?d"e<f>g|h`:        "a_b_c_d_e_f_g_h",
		"Sprung über die Bank ✓": "Sprung über die Bank ✓",
		"bad\xffutf8":            "bad_utf8",
	} {
		if got := SafeName(in); got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := SafeName(strings.Repeat("é", 200)); len(got) > MaxNameBytes || !strings.HasPrefix(got, "éé") {
		t.Errorf("long name cut to %d bytes: %q", len(got), got)
	}
}

func FuzzSafeNameIsAlwaysOneHarmlessPathElement(f *testing.F) {
	for _, seed := range []string{"a/b", "..", "CON", "x\x00", "é.", " "} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := SafeName(name)
		if got == "" || got == "." || got == ".." || strings.ContainsAny(got, `/\:*?"<>|`) ||
			len(got) > MaxNameBytes || filepath.Base(got) != got || strings.HasSuffix(got, ".") || strings.HasSuffix(got, " ") {
			t.Fatalf("SafeName(%q) = %q", name, got)
		}
		for _, r := range got {
			if r < 0x20 || r == 0x7f {
				t.Fatalf("SafeName(%q) = %q keeps a control character", name, got)
			}
		}
	})
}
