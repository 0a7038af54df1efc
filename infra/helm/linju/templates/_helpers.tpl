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

{{/* The settings of every container: the ConfigMap, and the Secret's URLs and token. */}}
{{- define "linju.env" -}}
envFrom:
  - configMapRef:
      name: {{ include "linju.fullname" . }}-settings
env:
  - name: DATABASE_APP_URL
    valueFrom:
      secretKeyRef: { name: {{ include "linju.secretName" . }}, key: database-app-url }
  - name: LINJU_METRICS_TOKEN
    valueFrom:
      secretKeyRef: { name: {{ include "linju.secretName" . }}, key: metrics-token, optional: true }
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

{{- define "linju.volumes" -}}
- name: data
{{- if .Values.persistence.existingClaim }}
  persistentVolumeClaim:
    claimName: {{ .Values.persistence.existingClaim }}
{{- else }}
  emptyDir: {}
{{- end }}
- name: secrets
  secret:
    secretName: {{ include "linju.secretName" . }}
    defaultMode: 0440
    items:
      - { key: data-key, path: data-key }
      - { key: node-key.json, path: node-key.json }
- name: tmp
  emptyDir: {}
{{- end -}}

{{- define "linju.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{- define "linju.podSpec" -}}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  {{- include "linju.volumes" . | nindent 2 }}
{{- end -}}
