{{/* Name of the chart's objects: the release name when it already says vault. */}}
{{- define "shaped.name" -}}vault{{- end -}}

{{- define "shaped.fullname" -}}
{{- if contains "vault" .Release.Name -}}{{ .Release.Name }}{{- else -}}{{ .Release.Name }}-vault{{- end -}}
{{- end -}}

{{/* dev, ha or standalone, in the official chart's order of precedence. */}}
{{- define "shaped.mode" -}}
{{- if .Values.server.dev.enabled -}}dev
{{- else if .Values.server.ha.enabled -}}ha
{{- else -}}standalone
{{- end -}}
{{- end -}}

{{- define "shaped.scheme" -}}
{{- if .Values.global.tlsDisable -}}http{{- else -}}https{{- end -}}
{{- end -}}

{{- define "shaped.replicas" -}}
{{- if eq (include "shaped.mode" .) "ha" -}}{{ .Values.server.ha.replicas }}{{- else -}}1{{- end -}}
{{- end -}}

{{/* The configuration string for the current mode, rendered through tpl. */}}
{{- define "shaped.config" -}}
{{- $raw := "" -}}
{{- if eq (include "shaped.mode" .) "ha" -}}
{{- $raw = .Values.server.ha.raft.config -}}
{{- else -}}
{{- $raw = .Values.server.standalone.config -}}
{{- end -}}
{{- $text := tpl $raw . | trim -}}
{{- if hasPrefix "{" $text -}}
{{ $text }}
{{- else if contains "disable_mlock" $text -}}
{{ $text }}
{{- else -}}
{{ $text }}
disable_mlock = true
{{- end -}}
{{- end -}}

{{- define "shaped.selectorLabels" -}}
app.kubernetes.io/name: {{ include "shaped.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
component: server
{{- end -}}

{{- define "shaped.dataVolume" -}}
{{- if and .Values.server.dataStorage.enabled (ne (include "shaped.mode" .) "dev") -}}true{{- end -}}
{{- end -}}

{{- define "shaped.auditVolume" -}}
{{- if and .Values.server.auditStorage.enabled (ne (include "shaped.mode" .) "dev") -}}true{{- end -}}
{{- end -}}
