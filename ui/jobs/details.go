package jobs

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/joblist"
	"singlecam/core/outputs"
	"singlecam/core/price"
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"singlecam/ui/kit"
)

// The details pane: the selected job's state in full, its actions, then
// its folder and files, and what was asked for. Nothing in it may be wider than
// the pane: texts wrap or shorten, buttons flow onto a second line.

// SelectedRow is the selected row, or nil.
func (v *View) SelectedRow() *joblist.Row {
	if i := v.model.Index(v.selected); i >= 0 {
		return v.model.At(i)
	}
	return nil
}

// ShowDetails redraws the pane for the selected row.
func (v *View) ShowDetails() {
	row := v.SelectedRow()
	v.Details.RemoveAll()
	if row == nil {
		empty := widget.NewLabel(NoSelection)
		empty.Wrapping = fyne.TextWrapWord
		empty.TextStyle.Italic = true // low importance's grey is too faint to read (under 4.5:1)
		v.Details.Add(empty)
		return
	}
	title := widget.NewLabelWithStyle(row.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	v.Details.Add(title)
	// The state in full, above the buttons: the row may say it shorter,
	// and at 900×600 what was under eight buttons was out of sight.
	state := widget.NewLabel(row.Detail)
	state.Wrapping = fyne.TextWrapWord
	if row.Phase == joblist.Failed {
		state.Importance = widget.DangerImportance
	}
	v.Details.Add(state)
	v.Details.Add(v.actions(row))
	if again := v.againText(row); again != "" {
		// Two rows of one name after Submit again: each says which it is.
		l := widget.NewLabel(again)
		l.Wrapping = fyne.TextWrapWord
		v.Details.Add(l)
	}
	if row.Folder != "" {
		v.Details.Add(v.folderLine(row.Folder))
	}
	if len(row.Outputs) > 0 {
		v.Details.Add(widget.NewLabelWithStyle("Files", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, o := range row.Outputs {
			v.Details.Add(v.outputLine(row, o))
		}
	}
	var facts []string
	if !row.Created.IsZero() {
		facts = append(facts, "Started "+row.Created.Local().Format("2 Jan 2006 15:04")+" ("+joblist.Ago(row.Created, v.now())+")")
	}
	if row.JobID != "" {
		facts = append(facts, "Job ID: "+row.JobID)
	}
	if asked := describeOptions(row); asked != "" {
		facts = append(facts, asked)
	}
	if cost := jobPriceDetail(row.Estimate); cost != "" {
		facts = append(facts, cost)
	}
	for _, f := range facts {
		l := widget.NewLabel(f)
		// Sentences wrap between words (breaking anywhere began a line with
		// ", on Move's published rates"); a job ID has no spaces to wrap at.
		l.Wrapping = fyne.TextWrapWord
		if strings.HasPrefix(f, "Job ID: ") {
			l.Wrapping = fyne.TextWrapBreak
		}
		v.Details.Add(l)
	}
}

// folderLine is where the files are: the path shortened to fit (the whole
// of it on hover) and a Copy button.
func (v *View) folderLine(folder string) fyne.CanvasObject {
	copyPath := &widget.Button{Icon: theme.ContentCopyIcon(), Importance: widget.LowImportance, OnTapped: func() {
		v.host.App.Clipboard().SetContent(folder)
		v.host.Say("Folder path copied.")
	}}
	return container.NewBorder(nil, nil, widget.NewIcon(theme.FolderIcon()), copyPath, kit.NewPathLabel(folder))
}

func describeOptions(row *joblist.Row) string {
	var parts []string
	o := row.Options
	if o.TrackFingers != nil && *o.TrackFingers {
		parts = append(parts, "fingers tracked")
	}
	if o.FloorPlane != nil && *o.FloorPlane {
		parts = append(parts, "floor plane")
	}
	if o.TrackBall != nil && *o.TrackBall {
		parts = append(parts, "ball tracked")
	}
	if o.MocapModel != "" {
		parts = append(parts, "model "+string(o.MocapModel))
	}
	if w := row.ClipWindow; w != nil {
		parts = append(parts, "clip "+trimFloat(w.Start)+" s to "+trimFloat(w.End)+" s")
	}
	if len(parts) == 0 {
		return ""
	}
	return "Asked for: " + strings.Join(parts, ", ")
}

func trimFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// outputLine is one file: its name as it is (or will be) on disk, and its
// size once saved or a Download button.
func (v *View) outputLine(row *joblist.Row, o ugc.Output) fyne.CanvasObject {
	file := outputs.JobFileName(row.Name, o)
	var action fyne.CanvasObject
	if saved := savedFile(row, o.Format); saved != nil {
		file = filepath.Base(saved.Path)
		size := submit.HumanBytes(saved.Size)
		if v.host.Demo != nil && v.host.Demo() && engine.DemoStandIn(o.Format) {
			// The simulator cannot make this format: say so before anyone
			// tries to open it in Blender.
			size = "demo stand-in, not a real file · " + size
		}
		action = widget.NewLabel(size)
	} else if o.File.PresignedURL != "" && row.Phase != joblist.Downloading {
		action = kit.NewButton("Download", theme.DownloadIcon(), func() { v.download(row.JobID, []string{o.Format}) })
	} else if row.Phase != joblist.Downloading {
		action = widget.NewLabel("not ready yet")
	}
	name := widget.NewLabel(file)
	name.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, nil, action, name)
}

func savedFile(row *joblist.Row, format string) *outputs.Saved {
	for i := range row.Files {
		if row.Files[i].Format == format {
			return &row.Files[i]
		}
	}
	return nil
}

// The actions' labels, in one place: tests and the golden renders use them.
const (
	LabelOpenFolder    = "Open folder"
	LabelDownloadAll   = "Download all"
	LabelRetryDownload = "Retry download"
	LabelCancel        = "Cancel upload"
	LabelCancelJob     = "Cancel the job"
	LabelSubmitAgain   = "Submit again…"
	LabelRetry         = "Try again"
	LabelRemove        = "Remove from list…"
	LabelCopyID        = "Copy job ID"
	LabelRename        = "Rename…"
)

// actions are the row's buttons, as its state allows, the main one first;
// they flow onto a new line when the pane is narrow.
func (v *View) actions(row *joblist.Row) fyne.CanvasObject {
	box := container.New(layout.NewRowWrapLayout())
	add := func(text string, icon fyne.Resource, main bool, tapped func()) {
		b := kit.NewButton(text, icon, tapped) // its focus shows on blue too
		if main {
			b.Importance = widget.HighImportance
		}
		box.Add(b)
	}
	key, jobID := row.Key(), row.JobID
	switch {
	case row.Phase == joblist.Downloaded && row.Folder != "":
		folder := row.Folder
		add(LabelOpenFolder, theme.FolderOpenIcon(), true, func() { v.openFolder(folder) })
	case row.Phase == joblist.Finished && row.DownloadFailed:
		add(LabelRetryDownload, theme.ViewRefreshIcon(), true, func() { v.download(jobID, nil) })
	case row.Phase == joblist.Finished && len(row.Outputs) > 0:
		add(LabelDownloadAll, theme.DownloadIcon(), true, func() { v.download(jobID, nil) })
	case (row.Phase == joblist.Uploading || row.Phase == joblist.Waiting) && jobID == "":
		add(LabelCancel, theme.CancelIcon(), false, func() { v.confirmCancel(row.SubmissionID, row.Name, true) })
	case row.Phase == joblist.Submitting && !row.Paying && jobID == "":
		// The files are up; the take is being made, and the paid job not
		// yet asked for: what Cancel stops now is the job, not an upload.
		add(LabelCancelJob, theme.CancelIcon(), false, func() { v.confirmCancel(row.SubmissionID, row.Name, false) })
		// Once the job is being created (Paying) there is nothing left to
		// cancel: no button that would only say it is too late (tester 4).
	case row.Phase == joblist.Failed && jobID != "":
		add(LabelSubmitAgain, theme.MediaReplayIcon(), true, func() { v.confirmSubmitAgain(jobID, row.Name) })
	case row.Phase == joblist.Failed && row.SubmissionID != "":
		id := row.SubmissionID
		add(LabelRetry, theme.ViewRefreshIcon(), true, func() { v.retry(id) })
	}
	for _, b := range v.motionButtons(row) {
		box.Add(b)
	}
	if row.Folder != "" && row.Phase != joblist.Downloaded {
		folder := row.Folder
		add(LabelOpenFolder, theme.FolderOpenIcon(), false, func() { v.openFolder(folder) })
	}
	if jobID != "" {
		add(LabelCopyID, theme.ContentCopyIcon(), false, func() {
			v.host.App.Clipboard().SetContent(jobID)
			v.host.Say("Job ID copied.")
		})
		name := row.Name
		add(LabelRename, theme.DocumentCreateIcon(), false, func() { v.rename(jobID, name) })
	}
	if removable(row) {
		name := row.Name
		add(LabelRemove, theme.DeleteIcon(), false, func() { v.confirmRemove(key, name) })
	}
	same := row.SubmissionID // a row keeps its submission's id once its job exists; its key changes
	if same == "" {
		same = key
	}
	v.settleActions(same, box.Objects)
	return box
}

// actionSettle is how long the buttons stay off after Cancel upload, the
// first button, gave way to another: long enough that a click aimed at
// Cancel does not land on the button that took its place (Copy job ID,
// once the job exists).
const actionSettle = 800 * time.Millisecond

// settleActions turns the buttons off for a moment when the first one no
// longer means Cancel upload for the same job, and on again after.
func (v *View) settleActions(row string, buttons []fyne.CanvasObject) {
	first := ""
	if len(buttons) > 0 {
		if b, ok := buttons[0].(*kit.Button); ok {
			first = b.Text
		}
	}
	cancel := func(label string) bool { return label == LabelCancel || label == LabelCancelJob }
	if v.first.row == row && cancel(v.first.label) && !cancel(first) {
		v.settleUntil = v.now().Add(actionSettle)
		time.AfterFunc(actionSettle, func() { v.host.OnMain(v.ShowDetails) })
	}
	v.first.row, v.first.label = row, first
	if v.now().Before(v.settleUntil) {
		for _, o := range buttons {
			if b, ok := o.(fyne.Disableable); ok {
				b.Disable()
			}
		}
	}
}

// removable: a row whose story has ended (or that never started) may leave
// the list.
func removable(row *joblist.Row) bool {
	switch row.Phase {
	case joblist.Downloaded, joblist.Finished, joblist.Failed, joblist.Unknown:
		return true
	}
	return false
}

func (v *View) download(jobID string, only []string) {
	s := v.host.Engine()
	again := false // a Retry download: the last download of the job failed
	if i := v.model.Index(jobID); i >= 0 && len(only) == 0 {
		again = v.model.At(i).DownloadFailed
		v.model.At(i).DownloadFailed = false // one file's Download leaves Retry download offered
	}
	go func() {
		folder, files, err := s.Download(context.Background(), jobID, only)
		v.host.OnMain(func() {
			if v.host.Engine() != s {
				return
			}
			if err != nil {
				// A retry that fails again says so, with the time: the row's
				// words alone would read as if nothing had been tried.
				msg := engine.Explain(err)
				if again {
					msg = failedAgain(msg)
				}
				v.host.Say("Tried again at " + v.now().Format("15:04:05") + ": " + msg)
			}
			if len(only) == 0 || err != nil {
				v.Apply(engine.SavedJob{JobID: jobID, Folder: folder, Files: files, Err: err})
			} else {
				v.fetchedSome(jobID, folder, files)
			}
		})
	}()
}

// failedAgain is what a Retry download that failed again says: why, and
// the next step, not "use Retry download" once more (tester 4: the words
// sent the user round the same loop).
func failedAgain(explanation string) string {
	why, _, _ := strings.Cut(explanation, ": use ")
	why = strings.TrimSuffix(why, ".")
	return why + ", again. Wait a few minutes and retry; if it keeps failing, start the video again under New take for new files (charged as a new job), or write to Move with the job ID (Copy job ID)."
}

func (v *View) retry(submissionID string) {
	if err := v.host.Engine().Retry(submissionID); err != nil {
		v.host.Say(engine.Explain(err))
		return
	}
	v.host.Say("Trying again.")
}

// confirmCancel stops an upload after asking. The submission is held while
// the question is open, so nothing goes on behind it (an upload that ended
// there went on to the paid job); the question says what has been sent.
// Once the paid call is under way it says so, and offers nothing.
func (v *View) confirmCancel(submissionID, name string, uploading bool) {
	s := v.host.Engine()
	if s == nil {
		return
	}
	held, err := s.Hold(submissionID)
	if errors.Is(err, submit.ErrTooLateToCancel) {
		kit.Inform(v.host.Win, "Too late to cancel",
			"Singlecam is asking Move for the job of "+kit.Quote(name)+" right now, so it can no longer be cancelled: Move charges for the job once it exists. It appears in the list in a moment.")
		return
	}
	if err != nil {
		v.host.Say(engine.Explain(err))
		return
	}
	title, yes, no := "Cancel the upload of "+kit.Quote(name)+"?", "Cancel upload", "Keep uploading"
	if !uploading { // the files are up: what is left to stop is the job
		title, yes, no = "Cancel "+kit.Quote(name)+" before its job is made?", "Cancel the job", "Go on"
	}
	v.Asking = kit.AskEither(v.host.Win, title,
		sentSoFar(held)+" Cancel, and no job is made, so nothing is charged; the video stays on your computer. Nothing goes on while you decide.",
		yes, no, 150, func(ok bool) {
			v.Asking = nil
			if !ok {
				s.Release(submissionID)
				return
			}
			if err := s.Cancel(submissionID); err != nil {
				v.host.Say(engine.Explain(err))
				return
			}
			v.host.Say(kit.Quote(name) + " was cancelled; no job was made and nothing is charged.")
		})
}

// sentSoFar says what a held submission has sent to Move.
func sentSoFar(held submit.Held) string {
	st := held.Last
	switch st.Step {
	case submit.StepUploadingVideo:
		if st.Total > 0 {
			return fmt.Sprintf("%s of the video's %s are sent; that upload ends, but nothing further starts.", submit.HumanBytes(st.Done), submit.HumanBytes(st.Total))
		}
		return "The video is being sent; that upload ends, but nothing further starts."
	case submit.StepUploadingMove:
		return "The video is sent and its .move file is being sent; nothing further starts."
	case submit.StepCreatingTake:
		return "The video is sent; Move is making its take (which costs nothing)."
	case submit.StepWaiting:
		return "The upload is waiting for the network."
	}
	return "Nothing has been sent to Move yet."
}

// confirmSubmitAgain makes a new job of a failed job's take, after saying
// what it costs, and when this video was already sent again (then only as
// a deliberate choice: paying twice must never be one click away).
func (v *View) confirmSubmitAgain(jobID, name string) {
	s := v.host.Engine()
	if s == nil {
		return
	}
	var estimate *price.Estimate
	if i := v.model.Index(jobID); i >= 0 {
		estimate = v.model.At(i).Estimate
	}
	go func() {
		sent := s.SentAgain(jobID) // reads the journal: off the UI goroutine
		v.host.OnMain(func() {
			if v.host.Engine() != s {
				return
			}
			title := "Submit " + kit.Quote(name) + " again?"
			cost := "A new job costs as much as the first one"
			if estimate != nil {
				cost = "A new job costs about " + estimate.String() + " (Move's published rates), as the first one did"
			}
			message := "Move makes a new job from the same uploaded video, with the same outputs and options. " + cost +
				", even if it fails again. If the video is outside Move's limits, fix it and start a new take instead."
			submitAgain := func() { v.submitAgain(s, jobID, name) }
			if len(sent) == 0 {
				v.Asking = kit.AskToPay(v.host.Win, title, message, "Submit again", "Cancel", 150, func(ok bool) {
					v.Asking = nil
					if ok {
						submitAgain()
					}
				})
				return
			}
			var history []string
			for _, rec := range sent {
				history = append(history, "You submitted this video again on "+rec.Created.Local().Format("2 Jan 2006 at 15:04")+
					" as "+v.againAs(rec)+".")
			}
			v.askDeliberately("Submit "+kit.Quote(name)+" once more?", strings.Join(history, "\n")+"\n\n"+message, submitAgain)
		})
	}()
}

// againAs names a resubmission's job and its state: "job-3f2c (failed)".
func (v *View) againAs(rec *submit.Record) string {
	id := rec.JobID
	if id == "" {
		id = "a job not made yet"
	}
	for _, key := range []string{rec.JobID, rec.ID} {
		if i := v.model.Index(key); key != "" && i >= 0 {
			return id + " (" + v.model.At(i).Phase.String() + ")"
		}
	}
	return id
}

// askDeliberately asks before paying once more for a video already sent
// again: the Pay button stays off until the user ticks that they mean it,
// and Cancel is the dialog's default.
func (v *View) askDeliberately(title, message string, onYes func()) {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	v.AgainSure = widget.NewCheck("Yes, pay for one more job of this video", nil)
	var d *dialog.CustomDialog
	pay := kit.NewButton("Pay for another job", nil, nil)
	pay.Importance = widget.DangerImportance
	keep := kit.NewButton("Cancel", nil, nil)
	keep.Importance = widget.HighImportance
	answer := func(ok bool) {
		if ok && pay.Disabled() {
			return
		}
		v.Asking, v.AgainSure = nil, nil
		d.Hide()
		if ok {
			onYes()
		}
	}
	pay.OnTapped, keep.OnTapped = func() { answer(true) }, func() { answer(false) }
	pay.OnEscape, keep.OnEscape = func() { answer(false) }, func() { answer(false) }
	pay.Disable()
	v.AgainSure.OnChanged = func(on bool) {
		if on {
			pay.Enable()
		} else {
			pay.Disable()
		}
	}
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(container.NewGridWrap(fyne.NewSize(420, 200), text), v.AgainSure), v.host.Win)
	d.SetButtons([]fyne.CanvasObject{keep, pay})
	v.Asking = &kit.Question{Title: title, Dialog: d, Answer: answer}
	d.Show()
	v.host.Win.Canvas().Focus(keep) // Return and Escape keep the money
}

// submitAgain sends a failed job's take again, as the user confirmed.
func (v *View) submitAgain(s *engine.Engine, jobID, name string) {
	v.host.Say("Submitting " + kit.Quote(name) + " again…")
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		rec, err := s.SubmitAgain(ctx, jobID)
		v.host.OnMain(func() {
			if v.host.Engine() != s {
				return
			}
			if err != nil {
				v.host.Say(kit.Quote(name) + " was not submitted again: " + engine.Explain(err))
				return
			}
			v.model.AddRecords([]*submit.Record{rec})
			v.selected = rec.ID
			v.refresh()
			v.host.Say(kit.Quote(name) + " was submitted again: Move makes a new job of it.")
		})
	}()
}

// confirmRemove takes a row off this computer's list, after saying what
// that does not do.
func (v *View) confirmRemove(key, name string) {
	v.ask("Remove "+kit.Quote(name)+" from the list?",
		"This only tidies Singlecam's list on this computer. Move has no way to delete a job, so it stays in your Move account; files already saved stay in their folder.",
		"Remove", "Keep it", func() {
			s := v.host.Engine()
			go func() {
				err := s.Remove(key)
				v.host.OnMain(func() {
					if v.host.Engine() != s {
						return
					}
					if err != nil {
						v.host.Say(engine.Explain(err))
						return
					}
					v.model.Remove(key)
					v.refresh()
					v.host.Say(kit.Quote(name) + " was removed from the list.")
				})
			}()
		})
}

// ask shows a confirmation, kept in Asking while it is open.
func (v *View) ask(title, message, yes, no string, onYes func()) {
	v.Asking = kit.Ask(v.host.Win, title, message, yes, no, 120, func() { v.Asking = nil }, onYes)
}

func (v *View) rename(jobID, current string) {
	entry := kit.NewEntry()
	entry.SetText(current)
	var d *dialog.FormDialog
	entry.OnEscape = func() { d.Hide() } // Escape cancels, as in every dialog
	d = dialog.NewForm("Rename the job", "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", entry)}, func(ok bool) {
		name := strings.TrimSpace(entry.Text)
		if !ok || name == "" || name == current {
			return
		}
		s := v.host.Engine()
		go func() {
			job, moved, err := s.RenameJob(context.Background(), jobID, name)
			found, scanErr := s.OnDisk()
			v.host.OnMain(func() {
				if v.host.Engine() != s {
					return
				}
				if err != nil && job.ID == "" {
					v.host.Say("The job was not renamed: " + engine.Explain(err))
					return
				}
				v.model.AddJobs([]ugc.Job{job})
				if v.host.Renamed != nil {
					v.host.Renamed(moved, current, name)
				}
				if i := v.model.Index(jobID); i >= 0 && moved.Folder != "" {
					row := v.model.At(i)
					if moved.Moved {
						row.Folder = moved.Folder
						if scanErr == nil {
							row.Files = nil // the files moved and took the new name: the disk says which
							v.model.SetOnDisk(found)
						}
					}
				}
				v.refresh()
				switch {
				case err != nil:
					v.host.Say("Renamed at Move; its folder keeps the old name: " + engine.Explain(err))
				case moved.Kept:
					v.host.Say("Renamed. Its folder and files keep their names, since they were opened and may be in use.")
				case moved.Moved:
					v.host.Say("Renamed, with its folder and files.")
				default:
					v.host.Say("Renamed.")
				}
			})
		}()
	}, v.host.Win)
	entry.OnSubmitted = func(string) { d.Submit() } // Return renames, as the Rename button does
	d.Resize(fyne.NewSize(480, d.MinSize().Height)) // room for a long name: the form's own width fits a word
	v.Renaming = entry
	d.Show()
	v.host.Win.Canvas().Focus(entry)
}

// openFolder opens a job's folder in the file manager: the system's opener,
// else Fyne's, else the path with a Copy button.
func (v *View) openFolder(folder string) {
	if s := v.host.Engine(); s != nil {
		go s.OpenedFolder(folder) // its files may be in use from now on
	}
	v.host.OpenPath(folder, "The folder could not be opened here. It is at:")
}

// againText links a failed job and its resubmissions, which share a name:
// the new row says it is the earlier job submitted again, the failed row
// when and in what state it was sent again; "" when neither.
func (v *View) againText(row *joblist.Row) string {
	when := func(t time.Time) string { return t.Local().Format("2 Jan 2006 at 15:04") }
	if row.Replaces != "" {
		if i := v.model.Index(row.Replaces); i >= 0 {
			old := v.model.At(i)
			return "This is " + kit.Quote(old.Name) + " submitted again: its first job, started " + when(old.Created) + ", failed (that row stays in the list)."
		}
		return "This video was submitted again: its first job failed."
	}
	var lines []string
	for _, r := range v.model.SentAgainAs(row.JobID) {
		lines = append(lines, "Submitted again on "+when(r.Created)+" as a new job ("+r.Phase.String()+"), listed as "+kit.Quote(r.Name)+".")
	}
	return strings.Join(lines, "\n")
}
