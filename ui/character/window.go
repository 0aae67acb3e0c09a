package character

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/motion"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/figure"
	"singlecam/core/motion/fix"
	"singlecam/core/motion/load"
	"singlecam/core/motion/retarget"
	"singlecam/ui/kit"
	"singlecam/ui/preview"
)

// Options are what the window needs from the app around it.
type Options struct {
	// Pick asks for a character file with the system's dialog, starting in
	// dir. It blocks, so it runs off the UI goroutine. Nil offers no Choose.
	Pick func(dir string) (string, error)
	// Cancelled is the error Pick returns when nothing was chosen.
	Cancelled error
	// Prefs remembers the folder characters were last chosen from; may be nil.
	Prefs fyne.Preferences
	// Async runs slow work (reading files, retargeting) off the UI goroutine
	// and Main runs its result on it; tests make both plain calls. Nil means
	// a goroutine and fyne.Do.
	Async, Main func(func())
	// Clean is the clean-up the window starts with (the player's, when
	// opened from it); nil starts with clean.Default, as the player does.
	Clean *clean.Options
	// Closed, when set, runs once the window closed (its opener forgets it).
	Closed func()
}

const prefCharacterFolder = "characterFolder"

// noBone is the choice that leaves a character bone in its rest pose.
const noBone = "— (keeps its rest pose)"

// Window is "Apply to a character…": the character, its bone match, the
// player with the motion and the character side by side, and Save. Its
// widgets are fields so tests drive them.
type Window struct {
	fyne.Window
	Choose    *widget.Button
	Character *widget.Label // the character file, or a prompt
	Summary   *widget.Label // how many bones are matched, and from what
	Pairs     *widget.List
	Rematch   *widget.Button
	SaveMap   *widget.Button
	Save      *widget.Button
	Notice    *widget.Label
	// CleanUp is the clean-up run on the motion before it goes on the
	// character (off at first).
	CleanUp *preview.CleanUp
	// Player plays the motion beside the character; nil until both are read.
	Player *preview.Player
	// Saved is the last file saved, or empty.
	Saved string
	// Picture shows the character's skeleton with the selected bone.
	Picture *Skeleton
	// OnlyNew saves the motion as the file's only animation.
	OnlyNew *widget.Check
	// Head heads the bone list: "Your bone ← Move bone" (or "motion bone"
	// when the motion is not Move's).
	Head *widget.Label

	opt        Options
	motionPath string
	motionName string
	source     *motion.Clip
	// sourceFigure is what clean-up stands source on.
	sourceFigure *figure.Figure
	ch           *retarget.Character
	match        *retarget.Match
	moved        *motion.Clip
	shown        *motion.Clip      // what the player plays
	choices      []string          // the motion's bones a character bone can follow, as labels
	roles        map[string]string // the motion's bone → its humanoid role
	motionBone   *boneNames        // how the motion's joints read
	charBone     *boneNames        // how the character's joints read
	word         string            // "Move bone" or "motion bone"
	size         string            // sizeNote's, once both figures are read
	side         *fyne.Container   // holds the skeleton picture
	gen          int               // drops retargets that are out of date
	opening      bool              // a character is being read: do not ask for one
	stage        *fyne.Container
	panels       *panels // the bone panel and the player, side by side, stacked or in turns
}

// NewWindow opens "Apply to a character…" for the motion file at path,
// named motionName ("Walk 1"): it reads the motion, then asks for the
// character (call Show).
func NewWindow(a fyne.App, path, motionName string, opt Options) *Window {
	if opt.Async == nil {
		opt.Async = func(f func()) { go f() }
	}
	if opt.Main == nil {
		opt.Main = fyne.Do
	}
	w := &Window{Window: a.NewWindow(motionName + " on a character — Singlecam"), opt: opt, motionPath: path, motionName: motionName}
	w.Choose = &widget.Button{Text: "Choose character…", Icon: theme.FolderOpenIcon(), OnTapped: w.choose}
	if opt.Pick == nil {
		w.Choose.Hide()
	}
	w.Character = widget.NewLabel("Choose your rigged character: a GLB or VRM file.")
	w.Character.Truncation = fyne.TextTruncateEllipsis
	w.Summary = widget.NewLabel("")
	w.Summary.Wrapping = fyne.TextWrapWord
	w.Pairs = widget.NewList(w.pairCount, w.newPairRow, w.updatePairRow)
	w.Rematch = &widget.Button{Text: "Match again", Icon: theme.ViewRefreshIcon(), OnTapped: w.rematch}
	w.SaveMap = &widget.Button{Text: "Save map", Icon: theme.DocumentSaveIcon(), OnTapped: w.saveMap}
	w.Save = &widget.Button{Text: "Save", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: w.save}
	w.Notice = widget.NewLabel("")
	w.Notice.Wrapping = fyne.TextWrapWord
	w.stage = container.NewStack(container.NewCenter(widget.NewLabel("The motion and your character play here, side by side.")))
	cleanup := clean.Default
	if opt.Clean != nil {
		cleanup = *opt.Clean
	}
	w.CleanUp = preview.NewCleanUp(cleanup, false)
	w.CleanUp.SetMessage(preview.CleanSentence(cleanup))
	w.CleanUp.OnChanged = func(clean.Options) {
		if w.match != nil {
			w.retarget()
		}
	}

	w.word = "motion bone"
	w.Head = widget.NewLabelWithStyle("Your bone  ←  motion bone", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head := w.Head
	w.Pairs.OnSelected = w.showBone
	w.side = container.NewStack()
	w.OnlyNew = widget.NewCheck("Save the motion alone (without the character's own animations)", nil)
	mapButtons := container.NewHBox(w.Rematch, w.SaveMap)
	sectionTitle := widget.NewLabelWithStyle("Clean up the motion first", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	section := container.NewVBox(widget.NewSeparator(), sectionTitle, w.CleanUp.Object())
	// The skeleton picture sits beside the summary, so the list keeps the
	// panel's width for long bone names; the list has the panel's height
	// (a character has 19 to 60 bones), and the clean-up goes under the
	// player, whose width its row of controls needs.
	// On a small screen (900×600) the panels stack (see panels) and each
	// scrolls what does not fit, rather than push the window past the
	// screen's edge.
	heading := container.NewBorder(nil, nil, nil, w.side, container.NewVBox(w.Summary, head))
	// Three rows at least, however short the window: the panel then
	// scrolls the summary away rather than squeeze the list to nothing.
	rows := canvas.NewRectangle(color.Transparent)
	rows.SetMinSize(fyne.NewSize(0, 3*w.Pairs.MinSize().Height))
	left := container.NewVScroll(container.NewBorder(heading, mapButtons, nil, nil, container.NewStack(rows, w.Pairs)))
	// The clean-up's title, feet and smoothing always show whole under the
	// player (tester 4: at 900×600 the smoothing's row was cut in half by
	// the window's bottom bar); the numbers under them scroll. The player
	// may be shorter than its own least height for that: its picture
	// shrinks, its controls stay.
	controls := container.NewVScroll(section)
	controls.SetMinSize(fyne.NewSize(0, sectionTitle.MinSize().Height+w.CleanUp.Feet.MinSize().Height+
		w.CleanUp.Smooth.MinSize().Height+6*theme.Padding()))
	right := container.NewVSplit(container.New(shorter{height: 160}, w.stage), controls)
	right.Offset = 0.68
	// Stacked, the bone panel wants its heading and five rows; when the
	// window is too short for that above the player, the panels take turns.
	want := func() float32 {
		return heading.MinSize().Height + 5*w.newPairRow().MinSize().Height + mapButtons.MinSize().Height + 2*theme.Padding()
	}
	w.panels = newPanels(0.45, want, left, right, func(seen bool) {
		if w.Player == nil {
			return
		}
		if seen {
			w.Player.Show()
		} else {
			w.Player.Hide()
		}
	})
	split := w.panels.Box
	top := container.NewBorder(nil, nil, nil, w.Choose, w.Character)
	// The status line has the window's width: it says what went wrong.
	bottom := container.NewVBox(w.Notice, container.NewHBox(layout.NewSpacer(), w.OnlyNew, w.Save))
	w.SetContent(kit.NewBorder(container.NewPadded(top), container.NewPadded(bottom), nil, nil, split)) // Tab in reading order
	w.Resize(fyne.NewSize(1180, 720))
	// Ctrl+W (Cmd+W on a Mac) closes it, as it closes the player and any
	// document window (tester 4: no key closed it).
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { w.Close() })
	w.SetOnClosed(func() {
		if w.Player != nil {
			w.Player.Stop()
		}
		if opt.Closed != nil {
			opt.Closed()
		}
	})
	w.refresh()
	w.readMotion()
	return w
}

// MotionPath is the motion file the window applies.
func (w *Window) MotionPath() string { return w.motionPath }

// MotionMoved tells the window its motion file is now at path, named name
// (its job was renamed while the window was open): the character's file is
// saved beside it there, under the new name.
func (w *Window) MotionMoved(path, name string) {
	w.motionPath = path
	if name != w.motionName {
		w.motionName = name
		w.SetTitle(name + " on a character — Singlecam")
		w.refresh()
	}
}

// readMotion reads the motion file, then asks for the character.
func (w *Window) readMotion() {
	w.say("Reading " + filepath.Base(w.motionPath) + "…")
	w.opt.Async(func() {
		m, err := load.Open(context.Background(), w.motionPath, -1)
		var clip *motion.Clip
		var fig *figure.Figure
		if err == nil {
			clip = m.Clip
			// What clean-up stands the motion on: a character's mesh soles
			// when the motion is one, as the player's and `singlecam clean`.
			fig, err = figure.Of(context.Background(), m)
			fig = fig.Light()
			// Shown beside a character in metres, the motion is in metres too.
			if k := clip.MetresPerUnit; err == nil && k > 0 && k != 1 {
				if scaled, err := fix.Scale(clip, k); err == nil {
					// A body's soles are in the file's unit: a scaled
					// figure stands on its joints (a glTF body is in
					// metres and never scaled).
					clip, fig = scaled, figure.Joints(scaled)
				}
			}
		}
		w.opt.Main(func() {
			if err != nil {
				w.say(engine.ExplainMotion(err))
				return
			}
			w.source, w.sourceFigure = clip, fig
			w.choices = []string{noBone}
			w.roles = map[string]string{}
			skel := clip.Actors[0].Skeleton
			found, _ := retarget.Roles(skel, nil)
			w.motionBone = newBoneNames(skel, found)
			w.roles = w.motionBone.role
			w.choices = append(w.choices, w.motionBone.order...)
			// Move's own files say "Move bone"; any other motion's bones are
			// the motion's.
			w.word = "motion bone"
			if skel.Index("_1:Hips") >= 0 {
				w.word = "Move bone"
			}
			w.Head.SetText("Your bone  ←  " + w.word)
			w.say("")
			if w.Player == nil {
				w.showPlayer(clip) // the motion alone until a character comes
			}
			if w.ch != nil {
				w.matchCharacter()
			} else if w.opt.Pick != nil && !w.opening {
				w.choose()
			}
		})
	})
}

func (w *Window) say(msg string) { w.Notice.SetText(msg) }

// choose asks for the character file with the system's dialog.
func (w *Window) choose() {
	if w.opt.Pick == nil {
		return
	}
	dir := ""
	if w.opt.Prefs != nil {
		dir = w.opt.Prefs.String(prefCharacterFolder)
	}
	w.opt.Async(func() {
		path, err := w.opt.Pick(dir)
		w.opt.Main(func() {
			switch {
			case err != nil && errors.Is(err, w.opt.Cancelled):
			case err != nil:
				w.say("The file dialog could not open (" + err.Error() + "): try again.")
			default:
				if w.opt.Prefs != nil {
					w.opt.Prefs.SetString(prefCharacterFolder, filepath.Dir(path))
				}
				w.Open(path)
			}
		})
	})
}

// Open reads the character file at path and matches its bones.
func (w *Window) Open(path string) {
	w.say("Reading " + filepath.Base(path) + "…")
	w.opening = true
	w.opt.Async(func() {
		ch, err := retarget.OpenCharacter(context.Background(), path)
		w.opt.Main(func() {
			w.opening = false
			if err != nil {
				w.say(engine.ExplainCharacter(err))
				return
			}
			if !ch.Skinned() {
				w.say(engine.ExplainCharacter(retarget.ErrNoSkin))
				return
			}
			w.ch = ch
			w.Character.SetText("Character: " + path)
			found, _ := retarget.Roles(ch.Skeleton(), nil)
			w.charBone = newBoneNames(ch.Skeleton(), found)
			w.Picture = NewSkeleton(ch.Skeleton())
			w.side.Objects = []fyne.CanvasObject{container.NewPadded(w.Picture)}
			w.side.Refresh()
			if w.source != nil {
				w.matchCharacter()
			}
		})
	})
}

// MapPath is where the bone map of the character at path is saved: beside
// it, so it is found again whenever that character is chosen.
func MapPath(characterPath string) string {
	return strings.TrimSuffix(characterPath, filepath.Ext(characterPath)) + ".bonemap.json"
}

// matchCharacter uses the map saved beside the character when it fits,
// else matches the bones afresh.
func (w *Window) matchCharacter() {
	w.match = nil
	w.size = sizeNote(w.source.Actors[0].Skeleton, w.ch.Skeleton())
	saved := MapPath(w.ch.Path)
	if _, err := os.Stat(saved); err == nil {
		m, err := engine.ReadBoneMap(saved)
		if err == nil {
			m.How = retarget.How("your saved map (" + filepath.Base(saved) + ")")
			m, err = w.ch.MatchSaved(w.source.Actors[0].Skeleton, m)
			if err == nil && w.ch.Check(m, w.source.Actors[0].Skeleton) == nil {
				w.match = m
			}
		}
	}
	if w.match == nil {
		w.match = w.ch.Match(w.source.Actors[0].Skeleton)
	}
	w.Pairs.UnselectAll()
	w.Pairs.ScrollToTop()
	w.retarget()
}

// rematch forgets the changes and matches the bones afresh.
func (w *Window) rematch() {
	if w.ch == nil || w.source == nil {
		return
	}
	w.match = w.ch.Match(w.source.Actors[0].Skeleton)
	w.retarget()
}

// retarget puts the motion on the character with the match as it stands,
// off the UI goroutine; a newer change drops an older result.
func (w *Window) retarget() {
	w.gen++
	gen, ch, src, fig := w.gen, w.ch, w.source, w.sourceFigure
	m := *w.match
	m.Pairs = append([]retarget.Pair(nil), w.match.Pairs...)
	w.moved = nil
	w.refresh()
	cleanup := w.CleanUp.Options()
	w.opt.Async(func() {
		// Clean the capture first: its feet and floor are the motion's own.
		var cleaned *clean.Result
		var err error
		if !cleanup.None() {
			if cleaned, err = fig.Clean(context.Background(), src, cleanup); err == nil {
				src = cleaned.Clip
			}
		}
		// What is matched moves even while core bones are not, so the
		// player shows the effect of every change; only Save waits.
		var moved *motion.Clip
		if err == nil {
			// Grounded by the mesh's soles, as Save's file will be.
			moved, err = retarget.Clip(src, ch.Skeleton(), &m, retarget.Soles(ch.Contacts()))
		}
		var both *motion.Clip
		if err == nil {
			both = beside(src, moved, "Motion: "+w.motionName, ch.Name)
			err = ch.Check(&m, src.Actors[0].Skeleton)
		}
		w.opt.Main(func() {
			if gen != w.gen {
				return
			}
			// Say first what Save will write, then the numbers.
			if cleaned != nil {
				w.CleanUp.SetReportsAfter(preview.CleanSentence(cleanup), cleaned.Actors)
			} else if cleanup.None() {
				w.CleanUp.SetMessage(preview.CleanSentence(cleanup))
			}
			if both != nil {
				w.showPlayer(both)
			} else {
				w.showPlayer(src)
			}
			if err != nil {
				w.say(engine.ExplainCharacter(err))
				return
			}
			w.moved = moved
			w.say("Check that every bone follows its " + w.word + ", then save.")
			w.refresh()
		})
	})
}

// showPlayer plays clip in place of what played, at the same frame.
func (w *Window) showPlayer(clip *motion.Clip) {
	frame, playing := 0, true
	if w.Player != nil {
		frame, playing = w.Player.Frame(), w.Player.Playing()
		w.Player.Stop()
	}
	w.Player, w.shown = preview.NewPlayer(clip), clip
	if w.panels.told && !w.panels.shown {
		w.Player.Hide() // the bones' page shows: no clock until the player's does
	}
	w.Player.Seek(min(frame, clip.Frames()-1))
	w.stage.Objects = []fyne.CanvasObject{w.Player}
	w.stage.Refresh()
	w.Canvas().SetOnTypedKey(w.Player.TypedKey)
	if playing {
		w.Player.Play()
	}
}

// refresh updates the summary, the list and the buttons from the state.
func (w *Window) refresh() {
	ready := w.match != nil
	if ready {
		bones := len(w.match.Pairs)
		text := fmt.Sprintf("%d of your %d bones follow a %s, matched by %s. Change any pair below; the others keep their rest pose.",
			w.match.Matched(), bones, w.word, w.match.How)
		if w.size != "" {
			text += "\n" + w.size
		}
		w.Summary.SetText(text)
	} else {
		w.Summary.SetText("")
	}
	enable(w.Rematch, ready)
	enable(w.SaveMap, ready)
	enable(w.Save, w.moved != nil)
	if w.ch != nil {
		w.Save.SetText("Save “" + retarget.OutputName(w.motionName, w.ch.Name) + "”")
	}
	w.Pairs.Refresh()
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

func (w *Window) pairCount() int {
	if w.match == nil {
		return 0
	}
	return len(w.match.Pairs)
}

// pairRow is one "your bone ← motion bone" line.
type pairRow struct {
	widget.BaseWidget
	bone *widget.Label
	move *widget.Select
}

// CreateRenderer is Fyne's hook for drawing the row.
func (r *pairRow) CreateRenderer() fyne.WidgetRenderer {
	// The motion's bone gets room for Move One's longest names; the
	// character's bone, with its role, the rest.
	move := container.New(layout.NewGridWrapLayout(fyne.NewSize(200, r.move.MinSize().Height)), r.move)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel("←"), move), r.bone))
}

func (w *Window) newPairRow() fyne.CanvasObject {
	r := &pairRow{bone: widget.NewLabel(""), move: widget.NewSelect(nil, nil)}
	r.bone.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (w *Window) updatePairRow(i widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*pairRow)
	p := w.match.Pairs[i]
	text := p.Bone
	if w.charBone != nil {
		text = w.charBone.Label(p.Bone)
	}
	role := w.roles[p.Motion]
	if p.Motion == "" && w.charBone != nil {
		role = w.charBone.role[p.Bone]
	}
	if role != "" && !strings.HasPrefix(p.Bone, "#") {
		text += " (" + retarget.RoleTitle(role) + ")"
	}
	r.bone.SetText(text)
	r.move.OnChanged = nil
	r.move.Options = w.choices
	sel := noBone
	if p.Motion != "" {
		sel = w.motionBone.Label(p.Motion)
	}
	r.move.Selected = sel
	r.move.Refresh()
	bone, row := p.Bone, i
	r.move.OnChanged = func(s string) {
		w.showBone(row)
		w.SetPair(bone, w.motionBone.Ref(s))
	}
}

// showBone shows the character's bone of pair i in the skeleton picture.
func (w *Window) showBone(i widget.ListItemID) {
	if w.Picture == nil || w.match == nil || i < 0 || i >= len(w.match.Pairs) {
		return
	}
	if j, ok := w.charBone.index[w.match.Pairs[i].Bone]; ok {
		w.Picture.Select(j)
	}
}

// SetPair makes the character's bone follow the motion's bone move (as
// retarget.BoneRef names it; noBone or "" for none) and puts the motion on
// the character again.
func (w *Window) SetPair(bone, move string) {
	if w.match == nil {
		return
	}
	if move == noBone {
		move = ""
	}
	if !w.match.Set(bone, move, w.roles[move]) {
		return
	}
	w.retarget()
}

// saveMap writes the match beside the character, where choosing that
// character again (or singlecam retarget --map) finds it.
func (w *Window) saveMap() {
	if w.match == nil || w.ch == nil {
		return
	}
	path := MapPath(w.ch.Path)
	m := *w.match
	m.Pairs = append([]retarget.Pair(nil), w.match.Pairs...)
	for i := range m.Pairs {
		m.Pairs[i].Role = w.roles[m.Pairs[i].Motion] // as the pairs now stand
	}
	w.opt.Async(func() {
		err := engine.SaveBoneMap(path, &m)
		w.opt.Main(func() {
			if err != nil {
				w.say(engine.ExplainCharacter(err))
				return
			}
			w.say("Bone map saved as " + filepath.Base(path) + " beside the character: Singlecam uses it whenever you choose this character.")
		})
	})
}

// save writes "<motion> on <character>.glb" beside the motion file.
func (w *Window) save() {
	if w.moved == nil || w.ch == nil {
		return
	}
	ch, moved, dir, name, onlyNew := w.ch, w.moved, filepath.Dir(w.motionPath), w.motionName, w.OnlyNew.Checked
	w.Save.Disable()
	w.say("Saving…")
	w.opt.Async(func() {
		path, err := engine.SaveOnCharacter(context.Background(), ch, dir, name, moved, engine.CharacterSave{OnlyNew: onlyNew})
		w.opt.Main(func() {
			w.Save.Enable()
			if err != nil {
				w.say(engine.ExplainCharacter(err))
				return
			}
			w.Saved = path
			w.say("Saved “" + filepath.Base(path) + "” in " + dir + ".")
		})
	})
}
