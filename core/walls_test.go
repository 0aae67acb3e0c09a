// Package core_test checks the walls between the project's rooms, as
// the README's layout section draws them, by asking the go tool what each core
// package imports.
package core_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// depsOf maps each package under core/ to everything it imports, directly or
// not (its tests' imports aside).
func depsOf(t *testing.T) map[string][]string {
	return goList(t, "{{.ImportPath}} {{join .Deps \" \"}}")
}

// importsOf maps each package under core/ to what it imports directly.
func importsOf(t *testing.T) map[string][]string {
	return goList(t, "{{.ImportPath}} {{join .Imports \" \"}}")
}

func goList(t *testing.T, format string) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", format, "singlecam/core/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) > 0 {
			deps[fields[0]] = fields[1:]
		}
	}
	if len(deps) == 0 {
		t.Fatal("go list found no packages under core/")
	}
	return deps
}

func TestCoreNeverImportsTheUI(t *testing.T) {
	for pkg, deps := range depsOf(t) {
		for _, d := range deps {
			if strings.HasPrefix(d, "fyne.io/") || strings.HasPrefix(d, "singlecam/ui") || d == "github.com/sqweek/dialog" {
				t.Errorf("%s imports %s: core/ must not depend on Fyne, native dialogs or ui/", pkg, d)
			}
		}
	}
}

func TestClientAndSimulatorStayIndependent(t *testing.T) {
	deps := depsOf(t)
	for pkg, forbidden := range map[string]string{
		"singlecam/core/ugcsim": "singlecam/core/ugc",
		"singlecam/core/ugc":    "singlecam/core/ugcsim",
	} {
		if _, ok := deps[pkg]; !ok {
			t.Fatalf("package %s not found", pkg)
		}
		for _, d := range deps[pkg] {
			if d == forbidden {
				t.Errorf("%s imports %s: the two sides of the contract must not share code", pkg, forbidden)
			}
		}
	}
}

func TestOnlySecretsTouchesTheKeyring(t *testing.T) {
	for pkg, deps := range importsOf(t) {
		if strings.HasPrefix(pkg, "singlecam/core/secrets") {
			continue
		}
		for _, d := range deps {
			if strings.HasPrefix(d, "github.com/zalando/go-keyring") {
				t.Errorf("%s imports the keyring; only core/secrets may", pkg)
			}
		}
	}
}

// TestMotionStandsAlone: the motion model depends on nothing but the
// standard library; each format depends on the model, never on another
// format; and nothing under core/motion reaches the API side, so it works
// the same on a file that never came from Move.
func TestMotionStandsAlone(t *testing.T) {
	const motion = "singlecam/core/motion"
	formats := []string{motion + "/bvh", motion + "/gltf", motion + "/movedata"}
	deps := depsOf(t)
	if _, ok := deps[motion]; !ok {
		t.Fatalf("package %s not found", motion)
	}
	for _, d := range deps[motion] {
		if strings.Contains(d, ".") || strings.HasPrefix(d, "singlecam/") {
			t.Errorf("%s imports %s: the model depends on the standard library alone", motion, d)
		}
	}
	for pkg, ds := range deps {
		if pkg != motion && !strings.HasPrefix(pkg, motion+"/") {
			continue
		}
		for _, d := range ds {
			for _, api := range []string{"ugc", "ugcsim", "submit", "watch", "engine", "transfer", "outputs", "secrets"} {
				if d == "singlecam/core/"+api {
					t.Errorf("%s imports %s: core/motion stays off the API side", pkg, d)
				}
			}
			for _, own := range formats {
				if pkg != own && !strings.HasPrefix(pkg, own+"/") {
					continue
				}
				for _, other := range formats {
					if other != own && (d == other || strings.HasPrefix(d, other+"/")) {
						t.Errorf("%s imports %s: formats never depend on each other", pkg, d)
					}
				}
			}
		}
	}
}

// One door. Anything that changes the world (the network, the journal,
// downloads, the keyring) goes through core/engine. Value types and the
// functions that only compute or read (video facts, prices, output names)
// may be used directly. These tests hold ui/ and ui/cli to that, and check
// that what they may use directly changes nothing.

// readOnly are the core packages the front ends may use in full: they
// change nothing (TestReadOnlyPackagesChangeNothing checks it). media reads
// a video's headers, motion/load a motion file, motion/retarget a character
// file (the engine saves what it computes); motion/fix, motion/roles and
// price only compute; paths reads the environment.
var readOnly = []string{"joblist", "media", "motion", "motion/clean", "motion/figure", "motion/fix", "motion/load", "motion/retarget", "motion/roles", "paths", "price", "words"}

// valuePackages hold both values and machinery. The front ends may use their
// types (but not the machinery's: doors), constants and variables, and of
// their functions only the pure ones listed here.
var valuePackages = map[string]struct{ pureFuncs, doors []string }{
	"engine":  {pureFuncs: []string{"Explain", "ExplainKeyCheck", "ExplainInTerminal", "ExplainMotion", "ExplainCharacter"}}, // for read-only packages; front ends use engine in full
	"submit":  {pureFuncs: []string{"Check", "CheckFields", "EstimateOf", "Fingerprint", "HumanBytes", "PriceOf", "ValidDeviceLabel"}, doors: []string{"Journal", "Queue", "Pipeline"}},
	"ugc":     {pureFuncs: []string{"CheckEndpoint", "ParseJobState", "EndpointFromEnv"}, doors: []string{"Client"}},
	"outputs": {pureFuncs: []string{"FileName", "JobFileName"}, doors: []string{"Saver"}},
	"watch":   {doors: []string{"Watcher"}},
	"secrets": {}, // its sentinel errors and Source; keeping the key is engine.LookupKey, SaveKey, ForgetKey
	// Presets, planning (which reads and computes) and reading; writing is engine.Export.
	"motion/export": {pureFuncs: []string{"Presets", "PresetNames", "Lookup", "NameChoices", "NameTitle", "Apply", "Plan", "Open", "SourceOf", "BaseName", "Explain"}},
}

// frontEnds maps each front end to the core packages it may import beyond
// the above: the door itself, and for the terminal the simulator it hosts
// (`singlecam simulate` runs Move's side, not the app's).
var frontEnds = map[string][]string{
	"ui":           {"engine"},
	"ui/kit":       {},
	"ui/newtake":   {},
	"ui/jobs":      {"engine"},
	"ui/settings":  {"engine"},
	"ui/welcome":   {"engine"},
	"ui/preview":   {},
	"ui/character": {"engine"},
	"ui/cli":       {"engine", "ugcsim"},
}

// rooms are the window's screens, each in a package of its own, and the
// others of its rooms each may use: every one may use ui/kit, the shared
// room; none may use ui, which puts them in one window, nor a screen not
// listed. The player (ui/preview) is also the character window's.
var rooms = map[string][]string{
	"ui/newtake":   {},
	"ui/jobs":      {},
	"ui/settings":  {},
	"ui/welcome":   {},
	"ui/preview":   {},
	"ui/character": {"ui/preview"},
	"ui/kit":       {},
}

// worldChanging are imports and calls that reach outside the process or
// write to disk: none may appear in a read-only package.
var (
	worldImports = []string{"net", "net/http", "os/exec", "github.com/zalando/go-keyring"}
	osWrites     = []string{"Create", "CreateTemp", "OpenFile", "WriteFile", "Mkdir", "MkdirAll", "MkdirTemp",
		"Remove", "RemoveAll", "Rename", "Chmod", "Chown", "Chtimes", "Truncate", "Symlink", "Link"}
)

// repoRoot is the module's root: this test runs in core/.
const repoRoot = ".."

// parseDir parses the non-test files of the package in dir (a path from
// the repository's root, or an absolute one).
func parseDir(t *testing.T, dir string) []*ast.File {
	t.Helper()
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(repoRoot, dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		t.Fatalf("no Go files in %s", dir)
	}
	return files
}

// kinds maps a package's exported names to "func", "type", "const" or "var".
func kinds(t *testing.T, dir string) map[string]string {
	out := map[string]string{}
	for _, f := range parseDir(t, dir) {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					out[d.Name.Name] = "func"
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						out[s.Name.Name] = "type"
					case *ast.ValueSpec:
						for _, n := range s.Names {
							out[n.Name] = strings.ToLower(d.Tok.String())
						}
					}
				}
			}
		}
	}
	return out
}

// use is one name a package takes from one it imports.
type use struct{ pkg, name string }

// imports lists a package's imports, and the names it uses from each
// (pkg.Name selectors, by the import's local name).
func imports(t *testing.T, dir string) (paths []string, uses []use) {
	for _, f := range parseDir(t, dir) {
		local := map[string]string{}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			paths = append(paths, p)
			name := p[strings.LastIndex(p, "/")+1:]
			if imp.Name != nil {
				name = imp.Name.Name
			}
			local[name] = p
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && local[x.Name] != "" {
				uses = append(uses, use{local[x.Name], sel.Sel.Name})
			}
			return true
		})
	}
	return paths, uses
}

const corePrefix = "singlecam/core/"

// machineryUses lists the uses of a value package's machinery: its functions
// not listed as pure, and its door types.
func machineryUses(t *testing.T, uses []use) []string {
	var out []string
	for _, u := range uses {
		pkg, ok := strings.CutPrefix(u.pkg, corePrefix)
		rule, isValues := valuePackages[pkg]
		if !ok || !isValues {
			continue
		}
		kind := kinds(t, "core/"+pkg)[u.name]
		if (kind == "func" && !slices.Contains(rule.pureFuncs, u.name)) || (kind == "type" && slices.Contains(rule.doors, u.name)) {
			out = append(out, pkg+"."+u.name)
		}
	}
	return out
}

// writes lists the calls of os functions that write.
func writes(uses []use) []string {
	var out []string
	for _, u := range uses {
		if u.pkg == "os" && slices.Contains(osWrites, u.name) {
			out = append(out, "os."+u.name)
		}
	}
	return out
}

func TestFrontEndsReachTheCoreThroughOneDoor(t *testing.T) {
	for dir, extra := range frontEnds {
		paths, uses := imports(t, dir)
		for _, p := range paths {
			pkg, ok := strings.CutPrefix(p, corePrefix)
			if !ok {
				continue
			}
			_, isValues := valuePackages[pkg]
			if !slices.Contains(extra, pkg) && !slices.Contains(readOnly, pkg) && !isValues {
				t.Errorf("%s imports %s: the front ends reach the core through core/engine (the README's layout says which packages they may use directly)", dir, p)
			}
		}
		var fromValues []use
		for _, u := range uses {
			if pkg, _ := strings.CutPrefix(u.pkg, corePrefix); !slices.Contains(extra, pkg) {
				fromValues = append(fromValues, u)
			}
		}
		for _, m := range machineryUses(t, fromValues) {
			t.Errorf("%s uses %s: what may change the world goes through core/engine (if it only computes, list it as pure in core/walls_test.go)", dir, m)
		}
	}
}

func TestReadOnlyPackagesChangeNothing(t *testing.T) {
	for _, pkg := range readOnly {
		dir := "core/" + pkg
		paths, uses := imports(t, dir)
		for _, p := range paths {
			if slices.Contains(worldImports, p) {
				t.Errorf("%s imports %s: a read-only package reaches no network, program or keyring", dir, p)
			}
			if rest, ok := strings.CutPrefix(p, corePrefix); ok && (rest == "transfer" || rest == "ugcsim") {
				t.Errorf("%s imports %s: a read-only package moves no files", dir, p)
			}
		}
		for _, w := range writes(uses) {
			t.Errorf("%s calls %s: a read-only package writes nothing", dir, w)
		}
		for _, m := range machineryUses(t, uses) {
			t.Errorf("%s uses %s: a read-only package uses no machinery that changes the world", dir, m)
		}
	}
}

// The checks above can fail: a front end calling the keyring, or a read-only
// package writing a file, is caught.
func TestDoorChecksCatchAViolation(t *testing.T) {
	dir := t.TempDir()
	src := `package bad
import (
	"os"
	"singlecam/core/secrets"
	"singlecam/core/submit"
)
func f() { secrets.Save("k"); os.WriteFile("x", nil, 0o600); var _ *submit.Queue }
`
	if err := os.WriteFile(filepath.Join(dir, "bad.go"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	_, uses := imports(t, dir)
	got := append(machineryUses(t, uses), writes(uses)...)
	slices.Sort(got)
	if want := []string{"os.WriteFile", "secrets.Save", "submit.Queue"}; !slices.Equal(got, want) {
		t.Errorf("caught %v, want %v", got, want)
	}
}

// Each screen keeps to its room: it imports the shared room and the rooms
// listed for it, never the window (ui) nor another screen, so a change to
// one screen stays in its package.
func TestScreensKeepToTheirRooms(t *testing.T) {
	for room, may := range rooms {
		paths, _ := imports(t, room)
		for _, p := range paths {
			other, ok := strings.CutPrefix(p, "singlecam/")
			if !ok || (other != "ui" && !strings.HasPrefix(other, "ui/")) {
				continue
			}
			if other != "ui/kit" && !slices.Contains(may, other) {
				t.Errorf("%s imports %s: a screen uses ui/kit and its own room, and ui puts the screens together", room, p)
			}
		}
	}
	// ui/kit is what the screens share: it uses none of them.
	paths, _ := imports(t, "ui/kit")
	for _, p := range paths {
		if strings.HasPrefix(p, "singlecam/ui") {
			t.Errorf("ui/kit imports %s: the shared room depends on no screen", p)
		}
	}
}
