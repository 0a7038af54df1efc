{{- define "linju.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "linju.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component (server, worker, migrate): pass (list $ "server"). */}}
{{- define "linju.selectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ $root.Chart.Name }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "linju.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "linju.fullname" .)) -}}
{{- end -}}

{{- define "linju.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* The settings of every container: the ConfigMap (secrets are files it names, never values). */}}
{{- define "linju.env" -}}
envFrom:
  - configMapRef:
      name: {{ include "linju.fullname" . }}-settings
{{- end -}}

{{- define "linju.volumeMounts" -}}
- name: data
  mountPath: /var/lib/linju
- name: secrets
  mountPath: /etc/linju/secrets
  readOnly: true
- name: secrets
  mountPath: /var/lib/linju/federation/node-key.json
  subPath: node-key.json
  readOnly: true
- name: tmp
  mountPath: /tmp
{{- end -}}

{{/*
The volumes of one component's pod: pass (list $ "server"). Every pod gets the runtime secrets as
files; only the migrations Job gets the owner's URL (the server and worker never hold it).
*/}}
{{- define "linju.volumes" -}}
{{- $root := index . 0 -}}
- name: data
{{- if $root.Values.persistence.existingClaim }}
  persistentVolumeClaim:
    claimName: {{ $root.Values.persistence.existingClaim }}
{{- else }}
  emptyDir: {}
{{- end }}
- name: secrets
  secret:
    secretName: {{ include "linju.secretName" $root }}
    defaultMode: 0440
    items:
      - { key: data-key, path: data-key }
      - { key: node-key.json, path: node-key.json }
      - { key: database-app-url, path: database-app-url }
      - { key: metrics-token, path: metrics-token }
{{- if eq (index . 1) "migrate" }}
- name: owner-secrets
  secret:
    secretName: {{ include "linju.secretName" $root }}
    defaultMode: 0440
    items:
      - { key: database-url, path: database-url }
{{- end }}
- name: tmp
  emptyDir: {}
{{- end -}}

{{- define "linju.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* The pod spec of one component: pass (list $ "server"). */}}
{{- define "linju.podSpec" -}}
{{- $root := index . 0 -}}
automountServiceAccountToken: false
securityContext:
  {{- toYaml $root.Values.podSecurityContext | nindent 2 }}
{{- with $root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $root.Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $root.Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $root.Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  {{- include "linju.volumes" . | nindent 2 }}
{{- end -}}
