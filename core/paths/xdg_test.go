//go:build !windows

package paths

// The XDG user directories are read on Linux and the BSDs (their text holds
// POSIX paths), never on Windows: these tests do not build there.

import (
	"os"
	"runtime"
	"strings"
	"testing"
)

func TestXDGDownloadDir(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{`XDG_DOWNLOAD_DIR="$HOME/Downloads"`, "/home/me/Downloads"},
		{"# comment\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOWNLOAD_DIR=\"$HOME/Téléchargements\"\n", "/home/me/Téléchargements"},
		{`XDG_DOWNLOAD_DIR="/data/incoming"`, "/data/incoming"},
		{`XDG_DOWNLOAD_DIR="$HOME/"`, ""}, // disabled
		{`XDG_DOWNLOAD_DIR="$HOME"`, ""},
		{`XDG_DOWNLOAD_DIR=relative/path`, ""},
		{`XDG_DOWNLOAD_DIR="relative"`, ""},
		{`XDG_DOWNLOAD_DIR="$OTHER/x"`, ""},
		{"", ""},
	} {
		if got := XDGDownloadDir("/home/me", c.text); got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

func TestTheDefaultDownloadFolderFollowsUserDirs(t *testing.T) {
	home, config := t.TempDir(), t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", config)
	if got := DefaultDownloadDir(); got != home+"/Downloads/Singlecam" {
		t.Errorf("without user-dirs: %s", got)
	}
	writeFile(t, config+"/user-dirs.dirs", `XDG_DOWNLOAD_DIR="$HOME/Téléchargements"`)
	want := home + "/Téléchargements/Singlecam"
	if runtime.GOOS == "darwin" { // macOS has no user-dirs: always ~/Downloads
		want = home + "/Downloads/Singlecam"
	}
	if got := DefaultDownloadDir(); got != want {
		t.Errorf("with user-dirs: %s, want %s", got, want)
	}
}

func FuzzXDGDownloadDir(f *testing.F) {
	f.Add(`XDG_DOWNLOAD_DIR="$HOME/Downloads"`)
	f.Add("XDG_DOWNLOAD_DIR=\"/x\"\nXDG_DOWNLOAD_DIR=\"$HOME/\"")
	f.Fuzz(func(t *testing.T, text string) {
		got := XDGDownloadDir("/home/me", text)
		if got != "" && (!strings.HasPrefix(got, "/") || got == "/home/me") {
			t.Errorf("%q gave %q", text, got)
		}
	})
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
