package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// binary is the singlecam built for these tests by TestMain.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sc-bin-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "singlecam")
	// -buildvcs=auto is the go tool's default, which a GOFLAGS may turn off.
	args := []string{"build", "-buildvcs=auto", "-o", binary}
	if raceEnabled {
		args = append(args, "-race")
	}
	if out, err := exec.Command("go", append(args, ".")...).CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		panic("go build: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what a run of the binary printed and how it ended.
type result struct {
	stdout, stderr string
	code           int
}

// run starts the binary with args in a bare environment of its own (no
// display, a home, settings and data folder of the test's) plus env.
func run(t *testing.T, env []string, args ...string) result {
	t.Helper()
	home := t.TempDir()
	data, err := os.MkdirTemp("", "sc-data-") // short: it holds a socket
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(data) })
	cmd := exec.Command(binary, args...)
	cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"SINGLECAM_DATA_DIR=" + data, "TMPDIR=" + os.TempDir(),
	}, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("run %v: %v", args, err)
	}
	return result{stdout.String(), stderr.String(), code}
}

func TestUnderACLocaleTheTerminalPrintsOnlyWhatItMeans(t *testing.T) {
	for _, locale := range []string{"LANG=C", "LANG=C.UTF-8", "LANG=C.utf8", "LANG=POSIX", "LC_ALL=C.UTF-8"} {
		for _, args := range [][]string{{"--version"}, {"help"}, {"probe", "--help"}} {
			t.Run(locale+" "+strings.Join(args, " "), func(t *testing.T) {
				r := run(t, []string{locale}, args...)
				if r.code != 0 || r.stderr != "" && args[0] != "probe" {
					t.Errorf("exit %d, stderr %q: want 0 and nothing on stderr", r.code, r.stderr)
				}
				if strings.Contains(r.stdout+r.stderr, "Fyne error") || strings.Contains(r.stdout+r.stderr, "locale") {
					t.Errorf("printed what it did not mean to:\nstdout: %s\nstderr: %s", r.stdout, r.stderr)
				}
			})
		}
	}
}

func TestTheVersionSaysWhichBuildItIs(t *testing.T) {
	r := run(t, nil, "--version")
	if !strings.HasPrefix(r.stdout, "singlecam ") || strings.Contains(r.stdout, "(unknown)") {
		t.Fatalf("--version printed %q: want the build's commit, not \"dev (unknown)\"", r.stdout)
	}
	info, err := exec.Command("go", "version", "-m", binary).Output()
	if err != nil {
		t.Fatal(err)
	}
	_, rev, stamped := strings.Cut(string(info), "vcs.revision=")
	if !stamped {
		// The go tool finds no repository in a git worktree (.git is a file).
		t.Skip("the go tool stamped no revision in this checkout")
	}
	if rev = rev[:12]; !strings.Contains(r.stdout, rev) {
		t.Errorf("--version printed %q: want it to name the commit %s that the go tool stamped", r.stdout, rev)
	}
}

func TestAnUnknownWordIsAnUnknownCommand(t *testing.T) {
	r := run(t, nil, "nonsense")
	if r.code != 2 {
		t.Errorf("exit code %d, want 2", r.code)
	}
	if !strings.HasPrefix(r.stderr, `singlecam: unknown command "nonsense"`) {
		t.Errorf("stderr does not begin by naming the unknown command:\n%s", r.stderr)
	}
	for _, cmd := range []string{"submit", "probe", "jobs", "download", "simulate"} {
		if !strings.Contains(r.stderr, "\n  "+cmd+" ") {
			t.Errorf("stderr does not list the command %s:\n%s", cmd, r.stderr)
		}
	}
	if r.stdout != "" || strings.Contains(r.stderr, "panic") {
		t.Errorf("stdout %q, stderr %q", r.stdout, r.stderr)
	}
}

func TestWithoutADisplayTheAppSaysWhatItNeedsInOneLine(t *testing.T) {
	video := filepath.Join(t.TempDir(), "take.mp4")
	if err := os.WriteFile(video, []byte("a video"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{nil, {"--demo"}, {video}, {"preview", writeBVH(t)}} {
		r := run(t, nil, args...)
		if r.code != 1 {
			t.Errorf("%q: exit code %d, want 1", args, r.code)
		}
		if strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "needs a desktop session") ||
			!strings.Contains(r.stderr, "'singlecam submit'") {
			t.Errorf("%q: stderr %q: want one line saying a desktop session is needed and naming the terminal commands", args, r.stderr)
		}
	}
}

func TestADisplayThatDoesNotAnswerIsASentenceNotAPanic(t *testing.T) {
	if _, err := os.Stat("/tmp/.X11-unix/X4242"); err == nil {
		t.Skip("an X server runs on :4242")
	}
	for _, tc := range []struct {
		env, why string
		args     []string
	}{
		{"DISPLAY=:4242", "no display answers at DISPLAY=:4242", nil},
		{"DISPLAY=:4242", "no display answers at DISPLAY=:4242", []string{"preview", writeBVH(t)}},
		{"WAYLAND_DISPLAY=wayland-4242", "the window opens through X11 or XWayland, and DISPLAY is not set", nil},
	} {
		r := run(t, []string{tc.env}, tc.args...)
		if r.code != 1 {
			t.Errorf("%s: exit code %d, want 1", tc.env, r.code)
		}
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") ||
			!strings.Contains(lines[len(lines)-1], "needs a desktop session ("+tc.why+")") {
			t.Errorf("%s: stderr:\n%s\nwant it to end in the sentence, without a Go panic", tc.env, r.stderr)
		}
	}
}

// writeBVH writes a one-bone, one-frame BVH file for singlecam preview.
func writeBVH(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pose.bvh")
	bvh := "HIERARCHY\nROOT Hips\n{\n  OFFSET 0 0 0\n  CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n" +
		"  End Site\n  {\n    OFFSET 0 10 0\n  }\n}\nMOTION\nFrames: 1\nFrame Time: 0.033333\n0 0 0 0 0 0\n"
	if err := os.WriteFile(path, []byte(bvh), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
