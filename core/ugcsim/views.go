package ugcsim

import (
	"net/http"
	"time"

	"github.com/graph-gophers/graphql-go"
)

// The view types below are what the schema's object types resolve to: plain
// structs whose field names match the schema's (graphql-go matches them
// case-insensitively). Pointers are the schema's nullable fields.

type clientView struct {
	Created  awsDateTime
	ID       graphql.ID
	Metadata *awsJSON
	Name     string
	Portal   *awsURL
}

type fileView struct {
	Client       *clientView
	Created      *awsDateTime
	ID           graphql.ID
	Metadata     *awsJSON
	Name         *string
	PresignedURL *awsURL
	ThumbnailURL *awsURL
	Type         string
}

type additionalFileView struct {
	File   *fileView
	Format *string
	Key    *string
}

type jobProgressView struct {
	PercentageComplete *int32
	State              *string
}

type clipWindowView struct {
	EndTime   float64
	StartTime float64
}

type optionsView struct {
	FloorPlane         *bool
	MocapModel         *string
	TrackBall          *bool
	TrackFingers       *bool
	TrackJerseyNumbers *bool
}

type jobInputsView struct {
	ClipWindow     *clipWindowView
	NumberOfActors *int32
	Options        *optionsView
}

type rigView struct{ Name string }

type jobView struct {
	Client   *clientView
	Created  *awsDateTime
	ID       graphql.ID
	Inputs   *jobInputsView
	Metadata *awsJSON
	Name     *string
	Outputs  *[]*additionalFileView
	Progress *jobProgressView
	Rig      *rigView
	State    *string
	Take     *takeView
}

type cameraSettingsView struct{ Lens string }

type sourceView struct {
	CameraSettings *cameraSettingsView
	DeviceLabel    string
	File           *fileView
	Format         *string
}

type clapWindowView struct {
	EndTime   float64
	StartTime float64
}

type timeCodeSyncView struct{ UseTimecode bool }

type syncMethodView struct {
	ClapWindow   *clapWindowView
	TimecodeSync *timeCodeSyncView
}

type takeView struct {
	AdditionalFiles *[]*additionalFileView
	Client          *clientView
	Created         awsDateTime
	ID              graphql.ID
	Metadata        *awsJSON
	Name            *string
	Sources         *[]*sourceView
	SyncMethod      *syncMethodView
	TakeType        *string
	VideoFile       *fileView
	Volume          *volumeView
}

// volumeView is the Volume union. The simulator makes no volumes (they belong
// to multi-camera capture), but the schema's types must still resolve.
type volumeView struct{ human *humanVolumeView }

func (v *volumeView) ToHumanVolume() (*humanVolumeView, bool) { return v.human, v.human != nil }

type humanVolumeView struct {
	AreaType    *string
	ClipWindow  *clipWindowView
	Progress    *jobProgressView
	Client      *clientView
	Created     awsDateTime
	HumanHeight *float64
	ID          graphql.ID
	Metadata    *awsJSON
	Name        *string
	Outputs     *[]*additionalFileView
	Sources     *[]*sourceView
	State       *string
}

type jobsPageView struct {
	After *awsJSON
	First *int32
	Items *[]*jobView
}

type takesPageView struct {
	After *awsJSON
	First *int32
	Items *[]*takeView
}

type rigsPageView struct {
	After *awsJSON
	First *int32
	Items *[]*rigView
}

type cameraSettingsPageView struct {
	After *awsJSON
	First *int32
	Items *[]*cameraSettingsView
}

type volumePageView struct {
	After *awsJSON
	First *int32
	Items *[]*volumeView
}

type shareCodeView struct {
	Code    string
	Created *awsDateTime
	Expires *awsDateTime
	File    *fileView
	URL     *awsURL
}

type webhookEndpointView struct {
	Client      *clientView
	Description *string
	Events      *[]string
	Metadata    *awsJSON
	Secret      *string
	UID         string
	URL         string
}

// viewer turns records into views for one request: it knows the host the
// request came to (for presigned URLs) and the instant it is answered at.
// The caller holds store.mu while using it.
type viewer struct {
	s    *Simulator
	base string // scheme://host of the request
	now  time.Time
}

func (v viewer) client() *clientView {
	c := v.s.store.client
	portal := awsURL(c.portal)
	return &clientView{
		Created: awsDateTime{c.created}, ID: graphql.ID(c.id),
		Metadata: jsonPtr(c.metadata), Name: c.name, Portal: &portal,
	}
}

// file views a file. A file not yet uploaded carries an upload URL, an
// uploaded one a download URL; withURL false leaves presignedUrl null (an
// output whose URL is not ready yet).
func (v viewer) file(f *fileRec, withURL bool) *fileView {
	view := &fileView{
		Client: v.client(), Created: &awsDateTime{f.created}, ID: graphql.ID(f.id),
		Metadata: jsonPtr(f.metadata), Name: f.name, Type: f.typ,
	}
	if withURL {
		method := http.MethodPut
		if f.uploaded() {
			method = http.MethodGet
		}
		u := awsURL(v.s.presign(v.base, method, f.id, ""))
		view.PresignedURL = &u
	}
	if f.thumbnail != "" {
		u := awsURL(v.s.presign(v.base, http.MethodGet, f.id, thumbnailSuffix))
		view.ThumbnailURL = &u
	}
	return view
}

func (v viewer) take(t *takeRec) *takeView {
	view := &takeView{
		Client: v.client(), Created: awsDateTime{t.created}, ID: graphql.ID(t.id),
		Metadata: jsonPtr(t.metadata), Name: t.name, TakeType: strPtr("SINGLE_CAM"),
	}
	sources := make([]*sourceView, 0, len(t.sources))
	for _, src := range t.sources {
		sv := &sourceView{DeviceLabel: src.deviceLabel, Format: strPtr(src.format)}
		if f := v.s.store.files[src.fileID]; f != nil {
			sv.File = v.file(f, true)
		}
		if src.lens != nil {
			sv.CameraSettings = &cameraSettingsView{Lens: *src.lens}
		}
		sources = append(sources, sv)
	}
	view.Sources = &sources
	if f := v.s.store.files[t.videoFileID()]; f != nil {
		view.VideoFile = v.file(f, true)
	}
	return view
}

func (v viewer) job(j *jobRec) *jobView {
	status := v.s.statusOf(j, v.now)
	view := &jobView{
		Client: v.client(), Created: &awsDateTime{j.created}, ID: graphql.ID(j.id),
		Metadata: jsonPtr(j.metadata), Name: j.name, State: strPtr(status.state),
		Progress: &jobProgressView{PercentageComplete: status.percent, State: strPtr(status.state)},
		Inputs:   v.jobInputs(j),
	}
	if t := v.s.store.takes[j.takeID]; t != nil {
		view.Take = v.take(t)
	}
	outputs := []*additionalFileView{}
	if status.state == stateFinished {
		v.s.materializeOutputs(j, v.now)
		for _, outputType := range j.outputs {
			f := v.s.store.files[j.outputFiles[outputType]]
			format := outputFormat(outputType)
			outputs = append(outputs, &additionalFileView{
				File: v.file(f, status.urlsReady), Format: &format, Key: &format,
			})
		}
	}
	view.Outputs = &outputs
	return view
}

func (v viewer) jobInputs(j *jobRec) *jobInputsView {
	actors := int32(1)
	in := &jobInputsView{NumberOfActors: &actors}
	if j.clipWindow != nil {
		in.ClipWindow = &clipWindowView{StartTime: j.clipWindow.start, EndTime: j.clipWindow.end}
	}
	if o := j.options; o != nil {
		in.Options = &optionsView{
			FloorPlane: o.floorPlane, MocapModel: o.mocapModel, TrackBall: o.trackBall,
			TrackFingers: o.trackFingers, TrackJerseyNumbers: o.trackJerseyNumbers,
		}
	}
	return in
}

func jsonPtr(s *string) *awsJSON {
	if s == nil {
		return nil
	}
	j := awsJSON(*s)
	return &j
}

func strPtr(s string) *string { return &s }
