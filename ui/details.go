package ui

import (
	"context"
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
	"singlecam/core/submit"
	"singlecam/core/ugc"
)

// The details pane: the selected job's actions first, then its state, its
// folder and files, and what was asked for. Nothing in it may be wider than
// the pane: texts wrap or shorten, buttons flow onto a second line.

// selectedRow is the selected row, or nil.
func (v *JobsView) selectedRow() *joblist.Row {
	if i := v.model.Index(v.selected); i >= 0 {
		return v.model.At(i)
	}
	return nil
}

// showDetails redraws the pane for the selected row.
func (v *JobsView) showDetails() {
	row := v.selectedRow()
	v.Details.RemoveAll()
	if row == nil {
		empty := widget.NewLabel(noSelection)
		empty.Wrapping = fyne.TextWrapWord
		empty.TextStyle.Italic = true // low importance's grey is too faint to read (under 4.5:1)
		v.Details.Add(empty)
		return
	}
	title := widget.NewLabelWithStyle(row.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	v.Details.Add(title)
	v.Details.Add(v.actions(row))
	state := widget.NewLabel(row.Detail)
	state.Wrapping = fyne.TextWrapWord
	if row.Phase == joblist.Failed {
		state.Importance = widget.DangerImportance
	}
	v.Details.Add(state)
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
		l.Wrapping = fyne.TextWrapBreak // a job ID has no spaces to wrap at
		v.Details.Add(l)
	}
}

// folderLine is where the files are: the path shortened to fit (the whole
// of it on hover) and a Copy button.
func (v *JobsView) folderLine(folder string) fyne.CanvasObject {
	copyPath := &widget.Button{Icon: theme.ContentCopyIcon(), Importance: widget.LowImportance, OnTapped: func() {
		v.ui.app.Clipboard().SetContent(folder)
		v.ui.main.say("Folder path copied.")
	}}
	return container.NewBorder(nil, nil, widget.NewIcon(theme.FolderIcon()), copyPath, newPathLabel(folder))
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
func (v *JobsView) outputLine(row *joblist.Row, o ugc.Output) fyne.CanvasObject {
	file := outputs.JobFileName(row.Name, o)
	var action fyne.CanvasObject
	if saved := savedFile(row, o.Format); saved != nil {
		file = filepath.Base(saved.Path)
		action = widget.NewLabel(submit.HumanBytes(saved.Size))
	} else if o.File.PresignedURL != "" && row.Phase != joblist.Downloading {
		action = &widget.Button{Text: "Download", Icon: theme.DownloadIcon(), OnTapped: func() { v.download(row.JobID, []string{o.Format}) }}
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

// Action labels, one place: tests and the golden renders use them.
const (
	labelOpenFolder    = "Open folder"
	labelDownloadAll   = "Download all"
	labelRetryDownload = "Retry download"
	labelCancel        = "Cancel upload"
	labelSubmitAgain   = "Submit again…"
	labelRetry         = "Try again"
	labelRemove        = "Remove from list…"
	labelCopyID        = "Copy job ID"
	labelRename        = "Rename…"
)

// actions are the row's buttons, as its state allows, the main one first;
// they flow onto a new line when the pane is narrow.
func (v *JobsView) actions(row *joblist.Row) fyne.CanvasObject {
	box := container.New(layout.NewRowWrapLayout())
	add := func(text string, icon fyne.Resource, main bool, tapped func()) {
		b := &widget.Button{Text: text, Icon: icon, OnTapped: tapped}
		if main {
			b.Importance = widget.HighImportance
		}
		box.Add(b)
	}
	key, jobID := row.Key(), row.JobID
	switch {
	case row.Phase == joblist.Downloaded && row.Folder != "":
		folder := row.Folder
		add(labelOpenFolder, theme.FolderOpenIcon(), true, func() { v.openFolder(folder) })
	case row.Phase == joblist.Finished && row.DownloadFailed:
		add(labelRetryDownload, theme.ViewRefreshIcon(), true, func() { v.download(jobID, nil) })
	case row.Phase == joblist.Finished && len(row.Outputs) > 0:
		add(labelDownloadAll, theme.DownloadIcon(), true, func() { v.download(jobID, nil) })
	case (row.Phase == joblist.Uploading || row.Phase == joblist.Waiting) && jobID == "":
		add(labelCancel, theme.CancelIcon(), false, func() { v.confirmCancel(row.SubmissionID, row.Name) })
	case row.Phase == joblist.Failed && jobID != "":
		add(labelSubmitAgain, theme.MediaReplayIcon(), true, func() { v.confirmSubmitAgain(jobID, row.Name) })
	case row.Phase == joblist.Failed && row.SubmissionID != "":
		id := row.SubmissionID
		add(labelRetry, theme.ViewRefreshIcon(), true, func() { v.retry(id) })
	}
	for _, b := range v.motionButtons(row) {
		box.Add(b)
	}
	if row.Folder != "" && row.Phase != joblist.Downloaded {
		folder := row.Folder
		add(labelOpenFolder, theme.FolderOpenIcon(), false, func() { v.openFolder(folder) })
	}
	if jobID != "" {
		add(labelCopyID, theme.ContentCopyIcon(), false, func() {
			v.ui.app.Clipboard().SetContent(jobID)
			v.ui.main.say("Job ID copied.")
		})
		name := row.Name
		add(labelRename, theme.DocumentCreateIcon(), false, func() { v.rename(jobID, name) })
	}
	if removable(row) {
		name := row.Name
		add(labelRemove, theme.DeleteIcon(), false, func() { v.confirmRemove(key, name) })
	}
	return box
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

func (v *JobsView) download(jobID string, only []string) {
	s := v.ui.session
	if i := v.model.Index(jobID); i >= 0 {
		v.model.At(i).DownloadFailed = false
	}
	go func() {
		folder, files, err := s.eng.Download(context.Background(), jobID, only)
		v.ui.onMain(func() {
			if v.ui.session != s {
				return
			}
			if len(only) == 0 || err != nil {
				v.apply(engine.SavedJob{JobID: jobID, Folder: folder, Files: files, Err: err})
			} else if i := v.model.Index(jobID); i >= 0 {
				row := v.model.At(i)
				row.Files = append(row.Files, files...)
				row.Folder = folder
				v.showDetails()
			}
		})
	}()
}

func (v *JobsView) retry(submissionID string) {
	if err := v.ui.session.eng.Retry(submissionID); err != nil {
		v.ui.main.say(engine.Explain(err))
		return
	}
	v.ui.main.say("Trying again.")
}

// confirmCancel stops an upload after asking: the bytes sent so far are lost.
func (v *JobsView) confirmCancel(submissionID, name string) {
	v.ask("Cancel the upload of "+quoteName(name)+"?",
		"The upload stops and no job is made, so nothing is charged. The video stays on your computer; to send it later, start a new take.",
		"Cancel upload", "Keep uploading", func() {
			s := v.ui.session
			if err := s.eng.Cancel(submissionID); err != nil {
				v.ui.main.say(engine.Explain(err))
				return
			}
			v.ui.main.say(quoteName(name) + " was cancelled; nothing was sent to Move.")
		})
}

// confirmSubmitAgain makes a new job of a failed job's take, after saying
// that it is paid for again.
func (v *JobsView) confirmSubmitAgain(jobID, name string) {
	v.ask("Submit "+quoteName(name)+" again?",
		"Move makes a new job from the same uploaded video, with the same outputs and options. A new job costs the same as the first one, even if it fails again. If the video is outside Move's limits, fix it and start a new take instead.",
		"Submit again", "Cancel", func() {
			s := v.ui.session
			v.ui.main.say("Submitting " + quoteName(name) + " again…")
			go func() {
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				rec, err := s.eng.SubmitAgain(ctx, jobID)
				v.ui.onMain(func() {
					if v.ui.session != s {
						return
					}
					if err != nil {
						v.ui.main.say(quoteName(name) + " was not submitted again: " + engine.Explain(err))
						return
					}
					v.model.AddRecords([]*submit.Record{rec})
					v.selected = rec.ID
					v.refresh()
					v.ui.main.say(quoteName(name) + " was submitted again: Move makes a new job of it.")
				})
			}()
		})
}

// confirmRemove takes a row off this computer's list, after saying what
// that does not do.
func (v *JobsView) confirmRemove(key, name string) {
	v.ask("Remove "+quoteName(name)+" from the list?",
		"This only tidies Singlecam's list on this computer. Move has no way to delete a job, so it stays in your Move account; files already saved stay in their folder.",
		"Remove", "Keep it", func() {
			s := v.ui.session
			go func() {
				err := s.eng.Remove(key)
				v.ui.onMain(func() {
					if v.ui.session != s {
						return
					}
					if err != nil {
						v.ui.main.say(engine.Explain(err))
						return
					}
					v.model.Remove(key)
					v.refresh()
					v.ui.main.say(quoteName(name) + " was removed from the list.")
				})
			}()
		})
}

// ask shows a confirmation; the dialog is kept so tests can answer it.
func (v *JobsView) ask(title, message, yes, no string, onYes func()) {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, yes, no, container.NewGridWrap(fyne.NewSize(380, 120), text), func(ok bool) {
		v.Asking = nil
		if ok {
			onYes()
		}
	}, v.ui.win)
	v.Asking = &question{title: title, dialog: d, answer: func(ok bool) {
		d.Hide()
		v.Asking = nil
		if ok {
			onYes()
		}
	}}
	d.Show()
}

// question is a confirmation on screen.
type question struct {
	title  string
	dialog dialog.Dialog
	answer func(ok bool)
}

func quoteName(name string) string {
	if strings.TrimSpace(name) == "" {
		return "this job"
	}
	return "“" + name + "”"
}

func (v *JobsView) rename(jobID, current string) {
	entry := widget.NewEntry()
	entry.SetText(current)
	dialog.ShowForm("Rename the job", "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", entry)}, func(ok bool) {
		name := strings.TrimSpace(entry.Text)
		if !ok || name == "" || name == current {
			return
		}
		s := v.ui.session
		go func() {
			job, moved, err := s.eng.RenameJob(context.Background(), jobID, name)
			found, scanErr := s.eng.OnDisk()
			v.ui.onMain(func() {
				if v.ui.session != s {
					return
				}
				if err != nil && job.ID == "" {
					v.ui.main.say("The job was not renamed: " + engine.Explain(err))
					return
				}
				v.model.AddJobs([]ugc.Job{job})
				if i := v.model.Index(jobID); i >= 0 && moved.Folder != "" {
					row := v.model.At(i)
					if moved.Moved {
						row.Folder = moved.Folder
						if scanErr == nil {
							v.model.SetOnDisk(found)
						}
					}
				}
				v.refresh()
				switch {
				case err != nil:
					v.ui.main.say("Renamed at Move; its folder keeps the old name: " + engine.Explain(err))
				case moved.Kept:
					v.ui.main.say("Renamed. Its folder and files keep their names, since they were opened and may be in use.")
				case moved.Moved:
					v.ui.main.say("Renamed, with its folder and files.")
				default:
					v.ui.main.say("Renamed.")
				}
			})
		}()
	}, v.ui.win)
}

// openFolder opens a job's folder in the file manager: the system's opener,
// else Fyne's, else the path with a Copy button.
func (v *JobsView) openFolder(folder string) {
	if s := v.ui.session; s != nil {
		go s.eng.OpenedFolder(folder) // its files may be in use from now on
	}
	v.ui.openPath(folder, "The folder could not be opened here. It is at:")
}
