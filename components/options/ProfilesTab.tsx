/**
 * 报销人资料: the list of people, add / edit / delete, 我自己, import and export, and — in volunteer
 * mode — 结束本次服务.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage, MessageError } from '@/utils/messaging';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/ui/Dialog';
import {
  deleteProfile,
  exportProfiles,
  getProfile,
  importProfiles,
  previewImport,
  saveProfile,
  type ConflictChoice,
  type ImportConflict,
  type ProfileSummary,
  type UnreadableRecord,
} from '@/utils/profiles/messages';
import type { Profile, ProfileInput } from '@/utils/profiles/schema';
import { importSummary, readProfilesFileText } from '@/utils/profiles/import-export';
import { ProfileForm } from './ProfileForm';
import { EndSession } from './EndSession';

const errText = (e: unknown) => (e instanceof MessageError || e instanceof Error ? e.message : String(e));

export interface ProfilesTabProps {
  profiles: ProfileSummary[];
  /** Records that cannot be read, set aside (the others work as usual). */
  unreadable?: UnreadableRecord[];
  volunteerMode: boolean;
  reload: () => Promise<void>;
}

type Editing = { mode: 'new' } | { mode: 'edit'; profile: Profile } | null;

export function ProfilesTab({ profiles, unreadable = [], volunteerMode, reload }: ProfilesTabProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [exported, setExported] = useState<{ text: string; filename: string; url: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<ProfileSummary | null>(null);
  const [pendingImport, setPendingImport] = useState<{ text: string; count: number; conflicts: ImportConflict[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const downloadLink = useRef<HTMLAnchorElement>(null);

  useEffect(() => () => void (exported && URL.revokeObjectURL(exported.url)), [exported]);

  const openEditor = async (id?: string) => {
    setError(null);
    setStatus(null);
    if (!id) return setEditing({ mode: 'new' });
    try {
      const { profile } = await sendMessage(getProfile, { id });
      setEditing({ mode: 'edit', profile });
    } catch (e) {
      setError(errText(e));
    }
  };

  const save = async (input: ProfileInput): Promise<string | null> => {
    try {
      const { profile } = await sendMessage(saveProfile, { profile: input });
      setEditing(null);
      setStatus(t('profilesSaved', profile.displayName || profile.name));
      await reload();
      return null;
    } catch (e) {
      return errText(e);
    }
  };

  const markSelf = async (id: string) => {
    try {
      const { profile } = await sendMessage(getProfile, { id });
      await sendMessage(saveProfile, { profile: { ...profile, isSelf: true } });
      setStatus(t('profilesMarkedSelf', profile.displayName || profile.name));
      await reload();
    } catch (e) {
      setError(errText(e));
    }
  };

  const doDelete = async (p: ProfileSummary) => {
    setConfirmDelete(null);
    try {
      await sendMessage(deleteProfile, { id: p.id });
      setStatus(t('profilesDeleted', p.displayName || p.name));
      await reload();
    } catch (e) {
      setError(errText(e));
    }
  };

  const doExport = async () => {
    setError(null);
    try {
      const { text, filename, unreadable: skipped } = await sendMessage(exportProfiles, {});
      if (exported) URL.revokeObjectURL(exported.url);
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      setExported({ text, filename, url });
      // Let the link render, then start the download.
      setTimeout(() => downloadLink.current?.click(), 0);
      setStatus(skipped ? t('profilesExportedSkipped', profiles.length, skipped) : t('profilesExported', profiles.length));
    } catch (e) {
      setError(errText(e));
    }
  };

  const finishImport = async (text: string, choices: Record<string, ConflictChoice>, defaultChoice?: ConflictChoice) => {
    try {
      const r = await sendMessage(importProfiles, { text, choices, defaultChoice });
      setPendingImport(null);
      setStatus(importSummary(r));
      await reload();
    } catch (e) {
      setPendingImport(null);
      setImportError(errText(e));
    }
  };

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setImportError(null);
    setStatus(null);
    if (!file) return;
    try {
      const text = await readProfilesFileText(file);
      const preview = await sendMessage(previewImport, { text });
      if (preview.conflicts.length) setPendingImport({ text, ...preview });
      else await finishImport(text, {});
    } catch (err) {
      setImportError(errText(err));
    } finally {
      input.value = '';
    }
  };

  if (editing) {
    return (
      <ProfileForm
        key={editing.mode === 'edit' ? editing.profile.id : 'new'}
        initial={editing.mode === 'edit' ? editing.profile : undefined}
        volunteerMode={volunteerMode}
        onSave={save}
        onCancel={() => setEditing(null)}
      />
    );
  }

  const temporaryCount = profiles.filter((p) => p.temporary).length;

  return (
    <section aria-labelledby="profiles-title">
      <h2 id="profiles-title">{t('profilesTitle')}</h2>
      <p class="zh-note">{t('profilesIntro')}</p>

      {volunteerMode || temporaryCount > 0 ? <EndSession temporaryCount={temporaryCount} onDone={() => (setEditing(null), reload())} /> : null}

      <div aria-live="polite" class="zh-status" data-testid="profiles-status">
        {status}
      </div>
      {error ? (
        <p class="zh-error" role="alert" data-testid="profiles-error">
          {error}
        </p>
      ) : null}

      <div class="zh-actions">
        <Button variant="primary" onClick={() => openEditor()} testId="profile-add">
          {t('profilesAdd')}
        </Button>
      </div>

      {profiles.length === 0 ? (
        <p data-testid="profiles-empty">{t('profilesEmpty')}</p>
      ) : (
        <ul class="zh-profile-list" aria-label={t('profilesListLabel')}>
          {profiles.map((p) => (
            <li key={p.id} class="zh-profile-item" data-testid="profile-item" data-profile-id={p.id}>
              <div class="zh-profile-item__main">
                <span class="zh-profile-item__name">{p.displayName ? `${p.displayName}（${p.name}）` : p.name}</span>
                {p.isSelf ? <span class="zh-badge zh-badge--self">{t('profilesBadgeSelf')}</span> : null}
                {p.temporary ? <span class="zh-badge">{t('profilesBadgeTemporary')}</span> : null}
                {p.deceased ? <span class="zh-badge">{t('profilesBadgeDeceased')}</span> : null}
                <div class="zh-profile-item__meta">
                  {p.insuranceType === 'employee' ? t('profilesInsuranceEmployee') : t('profilesInsuranceResident')} · {t('profilesIdShort')} {p.maskedIdNumber}
                </div>
              </div>
              <div class="zh-profile-item__actions">
                <Button onClick={() => openEditor(p.id)} aria-label={t('profilesEditOf', p.name)}>
                  {t('profilesEdit')}
                </Button>
                {p.isSelf ? null : (
                  <Button onClick={() => markSelf(p.id)} aria-label={t('profilesMarkSelfOf', p.name)}>
                    {t('profilesMarkSelf')}
                  </Button>
                )}
                <Button variant="danger" onClick={() => setConfirmDelete(p)} aria-label={t('profilesDeleteOf', p.name)} testId="profile-delete">
                  {t('profilesDelete')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}

      {unreadable.length ? (
        <div class="zh-banner" role="region" aria-label={t('profilesUnreadableTitle', unreadable.length)} data-testid="profiles-unreadable">
          <strong>{t('profilesUnreadableTitle', unreadable.length)}</strong>
          <ul>
            {unreadable.map((u) => (
              <li key={u.id} data-testid="profile-unreadable" data-profile-id={u.id}>
                {u.message}{' '}
                <Button variant="danger" onClick={() => setConfirmDelete(unreadableSummary(u))} testId="profile-unreadable-delete">
                  {t('profilesDelete')}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h3>{t('profilesImportExportTitle')}</h3>
      <p class="zh-note">{t('profilesImportExportNote')}</p>
      <div class="zh-actions">
        <label class="zh-file-button">
          <span>{t('profilesImport')}</span>
          <input ref={fileInput} type="file" accept=".json,application/json" onChange={onFile} data-testid="profile-import-input" />
        </label>
        <Button onClick={doExport} testId="profile-export">
          {t('profilesExport')}
        </Button>
      </div>
      {importError ? (
        <p class="zh-error" role="alert" data-testid="profile-import-error">
          {importError}
        </p>
      ) : null}
      {exported ? (
        <p>
          <a ref={downloadLink} href={exported.url} download={exported.filename} data-testid="profile-export-link">
            {t('profilesExportLink', exported.filename)}
          </a>
          <textarea data-testid="profile-export-text" readOnly hidden aria-hidden="true" value={exported.text} />
        </p>
      ) : null}

      {confirmDelete ? (
        <Dialog
          title={t('profilesDeleteTitle')}
          onCancel={() => setConfirmDelete(null)}
          testId="confirm-delete"
          actions={
            <>
              <Button onClick={() => setConfirmDelete(null)} data-autofocus testId="confirm-cancel">
                {t('profilesCancel')}
              </Button>
              <Button variant="danger" onClick={() => doDelete(confirmDelete)} testId="confirm-ok">
                {t('profilesDeleteConfirm')}
              </Button>
            </>
          }
        >
          <p>{t('profilesDeleteText', confirmDelete.displayName ? `${confirmDelete.displayName}（${confirmDelete.name}）` : confirmDelete.name)}</p>
        </Dialog>
      ) : null}

      {pendingImport ? <ConflictDialog pending={pendingImport} onCancel={() => setPendingImport(null)} onDone={(c, d) => finishImport(pendingImport.text, c, d)} /> : null}
    </section>
  );
}

/** A record set aside, as the delete confirmation names it. */
const unreadableSummary = (u: UnreadableRecord): ProfileSummary => ({
  id: u.id,
  name: t('profilesUnreadableName'),
  insuranceType: 'employee',
  isSelf: false,
  temporary: false,
  deceased: false,
  maskedIdNumber: '',
});

function ConflictDialog({
  pending,
  onCancel,
  onDone,
}: {
  pending: { count: number; conflicts: ImportConflict[] };
  onCancel: () => void;
  onDone: (choices: Record<string, ConflictChoice>, defaultChoice?: ConflictChoice) => void;
}) {
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const allChosen = pending.conflicts.every((c) => choices[String(c.index)]);
  return (
    <Dialog
      title={t('profilesConflictTitle')}
      onCancel={onCancel}
      testId="import-conflicts"
      actions={
        <>
          <Button onClick={() => onDone({}, 'replace')} testId="conflict-replace-all">
            {t('profilesConflictReplaceAll')}
          </Button>
          <Button onClick={() => onDone({}, 'keep-both')} testId="conflict-keep-all">
            {t('profilesConflictKeepAll')}
          </Button>
          <Button variant="primary" disabled={!allChosen} onClick={() => onDone(choices)} testId="conflict-apply">
            {t('profilesConflictApply')}
          </Button>
          <Button onClick={onCancel} data-autofocus testId="conflict-cancel">
            {t('profilesConflictCancel')}
          </Button>
        </>
      }
    >
      <p>{t('profilesConflictText', pending.count, pending.conflicts.length)}</p>
      <ul class="zh-conflicts">
        {pending.conflicts.map((c) => (
          <li key={c.index} data-testid="import-conflict">
            <fieldset>
              <legend>{t('profilesConflictItem', c.name, c.maskedIdNumber, c.existingName)}</legend>
              <label class="zh-choice">
                <input type="radio" name={`conflict-${c.index}`} checked={choices[String(c.index)] === 'replace'} onChange={() => setChoices({ ...choices, [String(c.index)]: 'replace' })} />
                {t('profilesConflictReplace')}
              </label>
              <label class="zh-choice">
                <input type="radio" name={`conflict-${c.index}`} checked={choices[String(c.index)] === 'keep-both'} onChange={() => setChoices({ ...choices, [String(c.index)]: 'keep-both' })} />
                {t('profilesConflictKeepBoth')}
              </label>
            </fieldset>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
