package cli

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFlagsMayComeBeforeOrAfterTheFiles(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		out   string
		place bool
		files []string
	}{
		{[]string{"--out", "D", "a.glb"}, "D", false, []string{"a.glb"}},
		{[]string{"a.glb", "--out", "D"}, "D", false, []string{"a.glb"}},
		{[]string{"a.glb", "--out=D", "b.glb", "--in-place"}, "D", true, []string{"a.glb", "b.glb"}},
		{[]string{"-in-place", "a.glb", "-out", "D", "b.glb"}, "D", true, []string{"a.glb", "b.glb"}},
		{[]string{"a.glb", "--", "--out", "-b.glb"}, "", false, []string{"a.glb", "--out", "-b.glb"}},
		{[]string{"--out", "--", "a.glb"}, "--", false, []string{"a.glb"}}, // a value, as package flag reads it
		{[]string{"-", "a.glb"}, "", false, []string{"-", "a.glb"}},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		out := fs.String("out", "", "")
		place := fs.Bool("in-place", false, "")
		if code, ok := parseFlags(fs, tc.args); !ok {
			t.Errorf("%q: refused with %d", tc.args, code)
			continue
		}
		if *out != tc.out || *place != tc.place || !slices.Equal(fs.Args(), tc.files) {
			t.Errorf("%q: out %q, in-place %v, files %q; want %q, %v, %q", tc.args, *out, *place, fs.Args(), tc.out, tc.place, tc.files)
		}
	}
}

func TestAnUnknownFlagAfterTheFilesIsStillRefused(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if code, ok := parseFlags(fs, []string{"a.glb", "--nonsense"}); ok || code != 2 {
		t.Errorf("parseFlags = %d, %v; want 2, false", code, ok)
	}
}

func TestExportTakesItsFlagsAfterTheFiles(t *testing.T) {
	glb, _ := jobFolder(t)
	out := filepath.Join(t.TempDir(), "exports")
	var stdout, stderr bytes.Buffer
	if code := runExport([]string{glb, "--out", out, "--preset", "blender"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want := filepath.Join(out, "Walk 1 - blender.glb") + "\n"; stdout.String() != want {
		t.Errorf("printed %q, want %q", stdout.String(), want)
	}
}

func TestNonsensicalNumbersAreRefusedInWords(t *testing.T) {
	glb, _ := jobFolder(t)
	for _, tc := range []struct {
		run  func([]string, Env) int
		args []string
		want string
	}{
		{plain(runRetarget), []string{"--character", glb, "--fps", "0", glb}, "The frame rate (--fps) is a number of frames per second from 1 to 1000"},
		{plain(runRetarget), []string{"--character", glb, "--fps", "-30", glb}, "The frame rate (--fps) is a number of frames per second from 1 to 1000"},
		{plain(runRetarget), []string{"--character", glb, "--fps", "NaN", glb}, `not "NaN"`},
		{plain(runExport), []string{"--preset", "blender", "--fps", "0", glb}, "frame rate"},
		{plain(runExport), []string{"--preset", "blender", "--fps", "NaN", glb}, "frame rate"},
		{plain(runExport), []string{"--preset", "blender", "--fps", "-24", glb}, "frame rate"},
		{plain(runJobs), []string{"--limit", "0"}, "--limit must be a number from 1"},
		{plain(runJobs), []string{"--limit", "-3"}, "--limit must be a number from 1"},
		{runPreview, []string{"--animation", "all", glb}, "one animation at a time"},
		{runPreview, []string{"--source-up", "x", glb}, "y, z or auto"},
		{plain(runExport), []string{"--preset", "blender", "--source-units", "furlong", glb}, "m, cm, mm, in or auto"},
		{plain(runRetarget), []string{"--character", glb, "--source-scale", "-1", glb}, "positive number of metres"},
		{plain(runSimulate), []string{"--speed", "NaN"}, "--speed must be more than 0"},
	} {
		var stdout, stderr bytes.Buffer
		if code := tc.run(tc.args, Env{Stdout: &stdout, Stderr: &stderr}); code != 2 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%q: exit %d, %q; want 2 and %q", tc.args, code, stderr.String(), tc.want)
		}
	}
}

func TestAnOutputFolderIsJudgedBeforeAnythingIsWritten(t *testing.T) {
	glb, _ := jobFolder(t)
	tmp := t.TempDir()
	aFile := filepath.Join(tmp, "a file")
	os.WriteFile(aFile, nil, 0o644)
	locked := filepath.Join(tmp, "locked")
	os.Mkdir(locked, 0o555)
	cases := []struct {
		out, want string
	}{
		{aFile, "is a file, not a folder"},
		{filepath.Join(aFile, "below"), "is a file, not a folder"},
	}
	if os.Getuid() != 0 { // root writes anywhere
		cases = append(cases, struct{ out, want string }{locked, "not allowed to write there"})
	}
	for _, tc := range cases {
		for name, run := range map[string]func([]string, io.Writer, io.Writer) int{"export": runExport, "clean": runClean} {
			args := []string{glb, "--out", tc.out}
			if name == "export" {
				args = append(args, "--preset", "raw")
			}
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)
			if code != 1 || !strings.Contains(stderr.String(), tc.want) || strings.Contains(stderr.String(), "not there any more") {
				t.Errorf("%s --out %s: exit %d, %q; want 1 and %q", name, tc.out, code, stderr.String(), tc.want)
			}
		}
	}
}
