package preview

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"singlecam/ui/kit"
	"strconv"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/motion/clean"
	"singlecam/core/motion/export"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/load"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// syncDo runs functions for other goroutines at once, under a lock, and
// lets a test wait for them.
type syncDo struct {
	mu sync.Mutex
	wg sync.WaitGroup
}

func (s *syncDo) do(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.wg.Done()
	f()
}

// moveGLB writes a Move One walk as a job's main_glb.glb.
func moveGLB(t *testing.T) string {
	t.Helper()
	c, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 30, Seconds: 1})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "Walk 1")
	os.Mkdir(dir, 0o755)
	var b bytes.Buffer
	if err := gltf.Write(&b, c); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "main_glb.glb")
	os.WriteFile(p, b.Bytes(), 0o644)
	return p
}

func TestExportDialogShowsThePresetAndTheFilesBeforeWriting(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("player")
	w.Resize(fyne.NewSize(960, 700))
	path := moveGLB(t)
	dir := filepath.Dir(path)
	s := &syncDo{}
	var d *ExportDialog
	var opened, status string
	e := Exporter{Write: export.Write, Do: s.do, Open: func(p string) { opened = p }, Status: func(m string) { status = m }, Shown: func(x *ExportDialog) { d = x }}
	s.wg.Add(1)
	e.Show([]string{path}, "", w)
	s.wg.Wait()
	if d == nil {
		t.Fatal("no dialog")
	}
	s.mu.Lock()
	// A preset fixes its settings and names the file it will write.
	if d.Preset.Selected != "Blender" || !d.Names.Disabled() || d.Format.Selected != "GLB" || d.Rate.Selected != "24 fps" {
		t.Errorf("blender shows %q %v %q %q", d.Preset.Selected, d.Names.Disabled(), d.Format.Selected, d.Rate.Selected)
	}
	if !strings.HasPrefix(d.Files.Text, "Walk 1 - blender.glb  (24 frames at 24 fps)") || d.Export.Disabled() {
		t.Errorf("files %q", d.Files.Text)
	}
	d.Preset.SetSelected("Mixamo")
	if d.Format.Selected != "BVH" || d.Units.Selected != "Centimetres" || !strings.HasPrefix(d.Files.Text, "Walk 1 - mixamo.bvh") {
		t.Errorf("mixamo shows %q %q %q", d.Format.Selected, d.Units.Selected, d.Files.Text)
	}
	// Custom starts from what showed and unlocks it; a GLB cannot be Z up.
	d.Preset.SetSelected("Custom")
	if d.Names.Disabled() || d.Units.Selected != "Centimetres" {
		t.Error("custom did not unlock the settings, or lost them")
	}
	d.Format.SetSelected("GLB")
	if !d.Export.Disabled() || !strings.Contains(d.Files.Text, "always Y up in metres") {
		t.Errorf("GLB in cm: %q, export disabled %v", d.Files.Text, d.Export.Disabled())
	}
	d.Format.SetSelected("BVH")
	d.Up.SetSelected("Z up")
	if d.Export.Disabled() || !strings.Contains(d.Files.Text, "Import it as Z up") {
		t.Errorf("Z-up BVH: %q", d.Files.Text)
	}
	d.Up.SetSelected("Y up")
	d.Format.SetSelected("GLB")
	d.Units.SetSelected("Metres")
	d.InPlace.SetChecked(true)
	d.Rate.SetSelected("60 fps")
	if d.Export.Disabled() || !strings.HasPrefix(d.Files.Text, "Walk 1 - custom.glb  (59 frames at 60 fps)") {
		t.Errorf("custom GLB: %q", d.Files.Text)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatal("something was written before Export")
	}
	s.wg.Add(1)
	s.mu.Unlock()
	test.Tap(d.Export)
	s.wg.Wait()
	want := filepath.Join(dir, "Walk 1 - custom.glb")
	if !strings.Contains(status, "Walk 1 - custom.glb") {
		t.Errorf("status %q", status)
	}
	m, err := load.Open(t.Context(), want, -1)
	if err != nil || math.Abs(m.Clip.FPS-60) > 0.01 || m.Clip.Actors[0].Skeleton.Index("mixamorig:Hips") < 0 {
		t.Fatalf("the export: %v, %v fps", err, m.Clip.FPS)
	}
	// The result dialog offers to play it.
	s.mu.Lock()
	defer s.mu.Unlock()
	test.Tap(findButton(t, w, "Preview it"))
	if opened != want {
		t.Errorf("opened %q, want %q", opened, want)
	}
}

// findButton finds the button labelled text among the window's overlays.
func findButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, o := range w.Canvas().Overlays().List() {
		if b := searchButton(o, text); b != nil {
			return b
		}
	}
	t.Fatalf("no %q button", text)
	return nil
}

func searchButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *kit.Button:
		if x.Text == text {
			return &x.Button
		}
		return nil
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := searchButton(c, text); b != nil {
				return b
			}
		}
		return nil
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if b := searchButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// showExport opens the dialog for path the way Exporter does, with
// cleanup as the player's clean-up (nil: opened away from a player).
func showExport(t *testing.T, path string, cleanup func() clean.Options) (*ExportDialog, *syncDo) {
	a := test.NewTempApp(t)
	w := a.NewWindow("player")
	w.Resize(fyne.NewSize(960, 800))
	s := &syncDo{}
	var d *ExportDialog
	e := Exporter{Write: export.Write, Do: s.do, Shown: func(x *ExportDialog) { d = x }, Clean: cleanup}
	s.wg.Add(1)
	e.Show([]string{path}, "", w)
	s.wg.Wait()
	return d, s
}

// TestExportDialogCleansUpAsThePlayerDoes: away from a player the dialog
// starts with the player's default clean-up and says the file is cleaned;
// turned off, it writes the capture as it is and says so.
func TestExportDialogCleansUpAsThePlayerDoes(t *testing.T) {
	d, s := showExport(t, moveGLB(t), nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	if o := d.CleanUp.Options(); o != clean.Default || !strings.HasPrefix(d.CleanUp.Text(), "Foot skate ") {
		t.Errorf("the clean-up starts at %+v: %q", o, d.CleanUp.Text())
	}
	if !strings.Contains(d.Files.Text, "Cleaned up before writing") {
		t.Errorf("the files do not say they are cleaned: %q", d.Files.Text)
	}
	cleaned := d.plan[0].Clip
	d.CleanUp.Feet.SetSelectedIndex(3) // off
	d.CleanUp.Smooth.SetValue(0)
	d.CleanUp.Smooth.OnChangeEnded(0)
	if !strings.HasPrefix(d.CleanUp.Text(), "No clean-up") || !strings.Contains(d.Files.Text, "Not cleaned up") {
		t.Errorf("off: numbers %q, files %q", d.CleanUp.Text(), d.Files.Text)
	}
	if d.plan[0].Clip.FloorHeight() == cleaned.FloorHeight() {
		t.Error("the planned file is cleaned although clean-up is off")
	}
}

// TestExportDialogFromThePlayerTakesItsCleanUp: opened from a player, the
// dialog starts with the player's clean-up, not a default of its own.
func TestExportDialogFromThePlayerTakesItsCleanUp(t *testing.T) {
	player := clean.Options{Feet: clean.Lock, Smooth: 0.3}
	d, s := showExport(t, moveGLB(t), func() clean.Options { return player })
	s.mu.Lock()
	defer s.mu.Unlock()
	if o := d.CleanUp.Options(); o != player {
		t.Errorf("the clean-up starts at %+v, the player's is %+v", o, player)
	}
	if !strings.Contains(d.Files.Text, "Lock: planted feet stay put") || !strings.Contains(d.Files.Text, "smoothing 0.30") {
		t.Errorf("the files do not say how they are cleaned: %q", d.Files.Text)
	}
}

// Issue 23, item 7 and tester finding 6: exporting an export. The file
// has no T-pose left, so the box is not ticked and no frame is dropped;
// its name does not repeat the preset; the folder is shown from the root
// even when the file was named from the current folder.
func TestExportingAnExportKeepsItsFramesAndItsName(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("player")
	w.Resize(fyne.NewSize(900, 600))
	src := moveGLB(t)
	first, err := export.Open(t.Context(), src, "")
	if err != nil {
		t.Fatal(err)
	}
	if !first.StartsWithTPose() {
		t.Fatal("Move's walk does not start with its T-pose")
	}
	blender, _ := export.Lookup("blender")
	plan, err := export.Plan(t.Context(), []export.Source{first}, blender.Name, blender.Settings)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := export.Write(t.Context(), plan); err != nil {
		t.Fatal(err)
	}
	frames := plan[0].Clip.Frames()
	dir := filepath.Dir(src)
	t.Chdir(dir)

	s := &syncDo{}
	var d *ExportDialog
	e := Exporter{Write: export.Write, Do: s.do, Shown: func(x *ExportDialog) { d = x }}
	s.wg.Add(1)
	e.Show([]string{"Walk 1 - blender.glb"}, "", w)
	s.wg.Wait()
	if d == nil {
		t.Fatal("no dialog")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if d.TPose.Checked || !d.TPose.Disabled() {
		t.Errorf("T-pose box ticked %v, off %v, on a motion without a T-pose", d.TPose.Checked, d.TPose.Disabled())
	}
	want := "Walk 1 - blender (2).glb  (" + strconv.Itoa(frames) + " frames at 24 fps)"
	if !strings.HasPrefix(d.Files.Text, want) {
		t.Errorf("files %q, want them to start %q", d.Files.Text, want)
	}
	if d.Folder.Full != dir || !filepath.IsAbs(d.Folder.Full) {
		t.Errorf("folder %q, want %q", d.Folder.Full, dir)
	}
	if strings.Contains(d.Files.Text, "in .") {
		t.Errorf("the files say %q", d.Files.Text)
	}
	// At 900×600 the settings scroll inside a dialog that leaves a margin.
	if h := d.scroll.MinSize().Height + d.files.MinSize().Height; h > 600-2*dialogMargin-dialogChrome {
		t.Errorf("the dialog's content is %.0f px tall in a 600 px window", h)
	}
}

// TestEscapeClosesExportForWhateverHasTheFocus: a radio's option, a check
// and the clean-up's help button each close the dialog on Escape, as its
// buttons do (Fyne gives a key to the focused widget alone).
func TestEscapeClosesExportForWhateverHasTheFocus(t *testing.T) {
	d, s := showExport(t, moveGLB(t), nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	escape := &fyne.KeyEvent{Name: fyne.KeyEscape}
	for name, key := range map[string]func(*fyne.KeyEvent){
		"the preset":       d.Preset.TypedKey,
		"the frame rate":   d.Rate.TypedKey,
		"the format's BVH": d.Format.Buttons[1].TypedKey,
		"the units' check": d.InPlace.TypedKey,
		"the up axis":      d.Up.Buttons[0].TypedKey,
		"the help":         d.CleanUp.Help.TypedKey,
	} {
		d.Show()
		key(escape)
		if d.parent.Canvas().Overlays().Top() != nil {
			t.Errorf("Escape on %s leaves the dialog open", name)
		}
	}
	// A preset chosen with the mouse does not take the focus from what
	// answers Escape (Fyne's drop-down took it, and ignored Escape).
	d.Show()
	c := d.parent.Canvas()
	c.Focus(d.Export)
	test.Tap(d.Preset)                               // its list opens over the dialog, and closes
	if list := c.Overlays().List(); len(list) == 2 { // the dialog, and the list over it
		c.Overlays().Remove(list[1])
	} else {
		t.Errorf("a click on the preset opened %d overlays", len(list))
	}
	if c.Focused() == fyne.Focusable(d.Preset) {
		t.Error("a click on the preset gave it the focus")
	}
	if !d.Format.Disabled() || d.Format.Selected != "GLB" {
		t.Errorf("the Blender preset's format: disabled %v, %q", d.Format.Disabled(), d.Format.Selected)
	}
}

// TestChangeTheCleanUpBringsItIntoSight: in a short window the clean-up is
// below the fold of the settings; the button beside what will be written
// scrolls down to it.
func TestChangeTheCleanUpBringsItIntoSight(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("player")
	w.Resize(fyne.NewSize(900, 600))
	s := &syncDo{}
	var d *ExportDialog
	s.wg.Add(1)
	Exporter{Write: export.Write, Do: s.do, Shown: func(x *ExportDialog) { d = x }}.Show([]string{moveGLB(t)}, "", w)
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	if d.scroll.Offset.Y != 0 || d.scroll.Content.MinSize().Height <= d.scroll.Size().Height {
		t.Fatalf("the settings (%.0f px) fit their %.0f px, or start scrolled", d.scroll.Content.MinSize().Height, d.scroll.Size().Height)
	}
	test.Tap(d.ToCleanUp)
	if d.scroll.Offset.Y == 0 {
		t.Error("Change the clean-up did not scroll to it")
	}
	d.ToCleanUp.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape on Change the clean-up leaves the dialog open")
	}
}
