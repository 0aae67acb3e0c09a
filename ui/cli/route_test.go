package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestIsCommandTellsCommandsFromFilesToOpen(t *testing.T) {
	video := filepath.Join(t.TempDir(), "take.mp4")
	if err := os.WriteFile(video, []byte("not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"--demo"}, false},
		{[]string{"--demo", video}, false},
		{[]string{video}, false},
		{[]string{"submit", video}, true},
		{[]string{"--version"}, true},
		{[]string{"help"}, true},
		{[]string{"nonsense"}, true},
		{[]string{"--nonsense"}, true},
		{[]string{filepath.Join(t.TempDir(), "gone.mp4")}, true},
	} {
		if got := IsCommand(tc.args); got != tc.want {
			t.Errorf("IsCommand(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestAnUnknownWordIsAnUnknownCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"nonsense"}, Env{Stdout: &stdout, Stderr: &stderr}); code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	msg := stderr.String()
	if !strings.HasPrefix(msg, `singlecam: unknown command "nonsense"`) {
		t.Errorf("message does not start by naming the unknown command:\n%s", msg)
	}
	for _, name := range commandOrder {
		if !strings.Contains(msg, "  "+name+" ") {
			t.Errorf("usage does not list %q:\n%s", name, msg)
		}
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout: %q, want nothing", stdout.String())
	}
}

func TestHasDesktop(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	onOtherSystems := runtime.GOOS == "darwin" || runtime.GOOS == "windows"
	for _, tc := range []struct {
		vars map[string]string
		want bool
	}{
		{map[string]string{}, onOtherSystems},
		{map[string]string{"DISPLAY": ":0"}, true},
		{map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, true},
	} {
		if got := HasDesktop(env(tc.vars)); got != tc.want {
			t.Errorf("HasDesktop(%v) = %v, want %v", tc.vars, got, tc.want)
		}
	}
	var stderr bytes.Buffer
	NoDesktop(&stderr, NoDisplaySet)
	if strings.Contains(stderr.String(), "preview") {
		t.Errorf("NoDesktop offers preview, which opens a window: %q", stderr.String())
	}
	if n := strings.Count(stderr.String(), "\n"); n != 1 {
		t.Errorf("NoDesktop wrote %d lines, want 1: %q", n, stderr.String())
	}
}
