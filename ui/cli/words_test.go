package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// run runs a whole command line through Run, as a user's shell does.
func run(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(args, Env{Stdout: &o, Stderr: &e})
	return code, o.String(), e.String()
}

// messages are stderr's "singlecam CMD: ..." lines, without the prefix.
func messages(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if _, msg, ok := strings.Cut(l, ": "); ok && strings.HasPrefix(l, "singlecam ") {
			out = append(out, msg)
		}
	}
	return out
}

// The tester's mistakes (tester-findings.md, finding 8) and what each now
// says: one sentence, in words that fit what the user did, with what to
// do, starting with a capital.
func TestMistakesAreSaidInOnePlainSentence(t *testing.T) {
	glb, _ := jobFolder(t)
	dir := filepath.Dir(glb)
	notes := filepath.Join(dir, "notes.bvh")
	os.WriteFile(notes, []byte("hello"), 0o644)
	robot := filepath.Join("..", "..", "core", "motion", "roles", "testdata", "RobotExpressive.glb")
	out := t.TempDir()
	for _, c := range []struct {
		args     []string
		code     int
		says     []string
		mustNot  []string
		lastLine string // when set, the message is this one line and no more
	}{
		{[]string{"export", "--preset", "blender", "--to", "vrma", "--out", out, glb}, 2,
			[]string{"use the vrm preset"}, []string{"--names"}, ""},
		// Refused first: no note on the units it would have written.
		{[]string{"export", "--preset", "mixamo", "--to", "vrma", "--out", out, glb}, 2,
			[]string{"use the vrm preset"}, []string{"writing metres"}, ""},
		{[]string{"clean", "--out", out, notes}, 1,
			[]string{"“" + notes + "” could not be read as motion: it may be damaged, cut short or not a motion file; save it again from the program that made it, or choose another file (not a usable BVH file"}, []string{"exported", "read notes.bvh"}, ""},
		{[]string{"preview", "--list", notes}, 1,
			[]string{"could not be read as motion: it may be damaged", "(not a usable BVH file"}, []string{"try exporting", "read notes.bvh"}, ""},
		{[]string{"export", "--preset", "blender", filepath.Join(dir, "missing.bvh")}, 1,
			[]string{"There is no file “" + filepath.Join(dir, "missing.bvh") + "”: check its name and folder."}, []string{"download", "any more"}, ""},
		{[]string{"retarget", "--character", filepath.Join(dir, "nobody.glb"), glb}, 1,
			[]string{"There is no file “" + filepath.Join(dir, "nobody.glb") + "”"}, []string{"any more"}, ""},
		{[]string{"export", "--preset", "blender", "--animation", "99", "--out", out, robot}, 1,
			[]string{"“" + robot + "” has no animation 99: it has 14, numbered 0 to 13; --list names them."}, []string{"(", "Dance"}, ""},
		{[]string{"export", "--preset", "blender", "--animation", "Sprint", "--out", out, robot}, 1,
			[]string{`has no animation named "Sprint": it has 14, numbered 0 to 13; --list names them.`}, nil, ""},
		{[]string{"export", "--preset", "blender", "--animation", "3", "--out", out, notes}, 1,
			[]string{"could not be read as motion"}, nil, ""},
	} {
		code, stdout, stderr := run(c.args...)
		if code != c.code || stdout != "" {
			t.Errorf("%v: exit %d, printed %q; want exit %d", c.args, code, stdout, c.code)
		}
		for _, s := range c.says {
			if !strings.Contains(stderr, s) {
				t.Errorf("%v: said %q, without %q", c.args, stderr, s)
			}
		}
		for _, s := range c.mustNot {
			if strings.Contains(stderr, s) {
				t.Errorf("%v: said %q, with %q", c.args, stderr, s)
			}
		}
		if n := strings.Count(strings.TrimSpace(stderr), "\n"); n != 0 {
			t.Errorf("%v: said %d lines, want one: %q", c.args, n+1, stderr)
		}
	}
	os.RemoveAll(out)
}

// A command missing what it needs says what is missing first, then only
// its usage line, not every flag.
func TestAMissingPresetOrCharacterIsNamedBeforeTheShortUsage(t *testing.T) {
	glb, _ := jobFolder(t)
	for _, c := range []struct {
		args  []string
		first string
	}{
		{[]string{"export", glb}, "singlecam export: Say which tool to export for with --preset: blender, unity, unreal, mixamo, vrm, raw or custom."},
		{[]string{"export", "--preset", "blender"}, "singlecam export: Name the motion files to export."},
		{[]string{"retarget", glb}, "singlecam retarget: Say which character to put the motion on with --character FILE"},
		{[]string{"clean"}, "singlecam clean: Name the motion files to clean."},
		{[]string{"preview"}, "singlecam preview: Name the motion file to play."},
	} {
		code, _, stderr := run(c.args...)
		lines := strings.Split(stderr, "\n")
		if code != 2 || !strings.HasPrefix(lines[0], c.first) || !strings.Contains(stderr, "Usage: singlecam "+c.args[0]) ||
			strings.Contains(stderr, "Flags:") || !strings.Contains(stderr, "singlecam "+c.args[0]+" --help") {
			t.Errorf("%v: exit %d, said %q; want 2, %q first, then the usage lines", c.args, code, stderr, c.first)
		}
	}
}

// --fps 0, --fps -5 and --fps fast are one mistake, said in one sentence,
// by export and retarget alike.
func TestEveryBadFrameRateIsSaidTheSameWay(t *testing.T) {
	glb, _ := jobFolder(t)
	said := map[string]bool{}
	for _, v := range []string{"0", "-5", "fast", "NaN", "5000"} {
		for _, args := range [][]string{
			{"export", "--preset", "blender", "--fps", v, glb},
			{"retarget", "--character", glb, "--fps", v, glb},
		} {
			code, _, stderr := run(args...)
			msg := strings.Replace(strings.Replace(stderr, `"`+v+`"`, `"X"`, 1), ", or 'source' to keep the file's", "", 1)
			msg = strings.TrimPrefix(strings.TrimPrefix(msg, "singlecam export: "), "singlecam retarget: ")
			if code != 2 || !strings.HasPrefix(msg, "The frame rate (--fps) is a number of frames per second from 1 to 1000") {
				t.Errorf("%v: exit %d, said %q", args, code, stderr)
			}
			said[msg] = true
		}
	}
	if len(said) != 1 {
		t.Errorf("%d different sentences for one mistake: %v", len(said), said)
	}
}

// Every message a command prints starts with a capital letter, whatever
// wrote it (a check of the options, a reader, the engine).
func TestMessagesStartWithACapital(t *testing.T) {
	glb, _ := jobFolder(t)
	for _, args := range [][]string{
		{"export", "--preset", "Maya", glb},
		{"export", "--preset", "blender", "--source-up", "x", glb},
		{"export", "--preset", "blender", "--smooth", "2", glb},
		{"export", "--preset", "blender", "--to", "fbx", glb},
		{"preview", "--animation", "all", glb},
		{"clean", "--feet", "glue", glb},
		{"retarget", "--character", glb, "--source-scale", "-1", glb},
		{"export", "--preset", "mixamo", "--to", "glb", "--out", t.TempDir(), glb},
	} {
		_, _, stderr := run(args...)
		ms := messages(stderr)
		if len(ms) == 0 {
			t.Errorf("%v: said nothing: %q", args, stderr)
		}
		for _, m := range ms {
			if r := []rune(m)[0]; !unicode.IsUpper(r) && r != '“' && r != '-' {
				t.Errorf("%v: %q starts in lower case", args, m)
			}
		}
	}
}

// Help names each flag's value in words (--fps RATE), never Go's types
// (-fps string, -source-scale float).
func TestHelpNamesValuesNotGoTypes(t *testing.T) {
	for _, cmd := range commandOrder {
		code, _, stderr := run(cmd, "--help")
		if code != 0 || !strings.Contains(stderr, "Flags:") {
			t.Fatalf("%s --help: exit %d, %q", cmd, code, stderr)
		}
		for _, l := range strings.Split(stderr, "\n") {
			if !strings.HasPrefix(l, "  -") {
				continue
			}
			if !strings.HasPrefix(l, "  --") {
				t.Errorf("%s --help: %q: a flag is written with two dashes, as the usage line writes it", cmd, l)
			}
			f := strings.Fields(l)
			if len(f) > 1 && strings.ToUpper(f[1]) != f[1] || strings.HasSuffix(l, " string") || strings.HasSuffix(l, " float") {
				t.Errorf("%s --help: %q: the value's name is a Go type", cmd, l)
			}
		}
	}
	_, _, stderr := run("retarget", "--help")
	if !strings.Contains(stderr, "role in the body") || strings.Contains(stderr, "matching bones by name") {
		t.Errorf("retarget --help does not say bones are matched by role: %q", stderr)
	}
	_, _, stderr = run("clean", "--help")
	if !strings.Contains(stderr, "What the numbers mean") || !strings.Contains(stderr, "Foot skate: how far feet slide") {
		t.Errorf("clean --help does not say what its numbers mean: %q", stderr)
	}
	_, stdout, _ := run("help")
	for _, format := range []string{"GLB", "glTF", "VRM", "VRMA", "BVH", "ZIP of BVHs", "MOTION_DATA JSON", "MP4"} {
		if !strings.Contains(stdout, format) {
			t.Errorf("help does not name %s: %q", format, stdout)
		}
	}
}

// --list gives each animation's length as the player does (first key to
// last, to the hundredth): the robot's walk is 0.96 s everywhere.
func TestListGivesTheLengthThePlayerShows(t *testing.T) {
	robot := filepath.Join("..", "..", "core", "motion", "roles", "testdata", "RobotExpressive.glb")
	code, stdout, _ := run("preview", "--list", robot)
	if code != 0 || !strings.Contains(stdout, "Walking                  0.96 s") || !strings.Contains(stdout, "14 animations") {
		t.Errorf("exit %d, listed %q", code, stdout)
	}
}

// --animation all says once what it does, and a note all the files share
// once, not fourteen lines of each.
func TestAllAnimationsAreSaidOnce(t *testing.T) {
	robot := filepath.Join("..", "..", "core", "motion", "roles", "testdata", "RobotExpressive.glb")
	code, stdout, stderr := run("export", "--preset", "blender", "--animation", "all", "--out", t.TempDir(), robot)
	if code != 0 || strings.Count(stdout, "\n") != 14 {
		t.Fatalf("exit %d, wrote %q", code, stdout)
	}
	if !strings.Contains(stderr, "RobotExpressive.glb: All 14 animations, one output each, named after it.") ||
		strings.Count(stderr, "\n") > 3 || !strings.Contains(stderr, "singlecam export: 14 files: ") {
		t.Errorf("said %q", stderr)
	}
	code, _, stderr = run("preview", "--character", filepath.Join(t.TempDir(), "nobody.glb"), robot)
	if code != 1 || !strings.Contains(stderr, "There is no file") {
		t.Errorf("preview on a character that is not there: exit %d, %q", code, stderr)
	}
}

// A bone map that is a folder (or a pipe, which would wait for ever) is
// refused before it is opened, in a sentence.
func TestAMapThatIsNotAFileIsRefused(t *testing.T) {
	glb, _ := jobFolder(t)
	dir := t.TempDir()
	code, _, stderr := run("retarget", "--character", glb, "--map", dir, glb)
	if code != 1 || !strings.Contains(stderr, "is not a file (a folder, a pipe or a device): choose a bone map saved by the app.") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}
