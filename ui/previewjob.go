package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/joblist"
	"singlecam/core/motion/load"
	"singlecam/core/outputs"
	"singlecam/core/ugc"
)

// previewOutput is the output of a finished job the player can show: a
// GLB first (one file, every actor), else a BVH or a ZIP of BVHs.
func previewOutput(row *joblist.Row) (ugc.Output, bool) {
	if row.Phase != joblist.Finished && row.Phase != joblist.Downloaded {
		return ugc.Output{}, false
	}
	best, found := ugc.Output{}, false
	for _, o := range row.Outputs {
		name := outputs.FileName(o)
		if !load.IsMotionFile(name) || (o.File.PresignedURL == "" && savedFile(row, o.Format) == nil) {
			continue
		}
		if !found || (strings.EqualFold(filepath.Ext(name), ".glb") && !strings.EqualFold(filepath.Ext(outputs.FileName(best)), ".glb")) {
			best, found = o, true
		}
	}
	return best, found
}

// previewButton is the Preview button of a finished job with a motion
// output, or nil.
func (v *JobsView) previewButton(row *joblist.Row) fyne.CanvasObject {
	o, ok := previewOutput(row)
	if !ok {
		return nil
	}
	jobID, title := row.JobID, row.Name+" ("+outputs.FileName(o)+")"
	return &widget.Button{Text: "Preview", Icon: theme.MediaPlayIcon(), OnTapped: func() { v.preview(jobID, o, title) }}
}

// preview plays the output, downloading it first when it is not saved yet.
func (v *JobsView) preview(jobID string, o ugc.Output, title string) {
	v.withMotionFile(jobID, o, "to preview it", func(path string) { v.ui.openMotion(path, title) })
}

// withMotionFile calls use with the path of the job's output, downloading
// it first (through the engine, into the job's folder) when it is not saved
// yet; why ends the messages ("to preview it").
func (v *JobsView) withMotionFile(jobID string, o ugc.Output, why string, use func(path string)) {
	if i := v.model.Index(jobID); i >= 0 {
		if saved := savedFile(v.model.At(i), o.Format); saved != nil {
			if _, err := os.Stat(saved.Path); err == nil {
				use(saved.Path)
				return
			}
		}
	}
	s := v.ui.session
	v.ui.main.say("Downloading " + outputs.FileName(o) + " " + why + "…")
	go func() {
		folder, files, err := s.eng.Download(context.Background(), jobID, []string{o.Format})
		v.ui.onMain(func() {
			if v.ui.session != s {
				return
			}
			if err != nil {
				v.ui.main.say("The motion could not be downloaded " + why + ": " + engine.Explain(err))
				return
			}
			if len(files) == 0 {
				v.ui.main.say("Move no longer offers this file: refresh the list and try again.")
				return
			}
			if i := v.model.Index(jobID); i >= 0 {
				row := v.model.At(i)
				row.Files = append(row.Files, files...)
				row.Folder = folder
				v.showDetails()
			}
			use(files[0].Path)
		})
	}()
}
