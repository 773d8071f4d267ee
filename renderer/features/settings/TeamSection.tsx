import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department, TeamMember } from '../../../shared/domain/settings';
import { FieldStatus } from './FieldStatus';
import type { SettingsSectionProps } from './section-props';
import { useSettingField } from './useSettingField';

const newId = (name: string, taken: readonly { id: string }[]): string => {
  const base = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'item';
  let id = base;
  for (let i = 2; taken.some((x) => x.id === id); i++) id = `${base}-${i}`;
  return id;
};

/**
 * Departments (name + e-mail) for "Forward to department", and the team members reviews are assigned to.
 * Each change is checked on the core's schema; the message shows under the list or form it belongs to, and a
 * refused entry stays in its form for correcting.
 */
export function TeamSection({ settings, save }: SettingsSectionProps) {
  const { t } = useTranslation();
  const ids = useId();
  const deptField = useSettingField(settings);
  const memberField = useSettingField(settings);
  const [dept, setDept] = useState({ name: '', email: '' });
  const [member, setMember] = useState('');
  const departments = settings.departments;
  const team = settings.team;
  const addDept = async () => {
    const d: Department = { id: newId(dept.name, departments), name: dept.name.trim(), email: dept.email.trim() };
    if (await deptField.commit({ departments: [...departments, d] })) setDept({ name: '', email: '' });
  };
  const addMember = async () => {
    const m: TeamMember = { id: newId(member, team), name: member.trim() };
    if (await memberField.commit({ team: [...team, m], ...(settings.me === null ? { me: m.id } : {}) })) setMember('');
  };

  return (
    <>
      <h3 className="rules__title">{t('handoff.team.departments')}</h3>
      <p className="setting__hint">{t('handoff.team.departmentsHint')}</p>
      <ul className="plain-list">
        {departments.map((d) => (
          <li key={d.id} className="plain-list__row">
            <span>{d.name}</span>
            <span className="muted">{d.email}</span>
            <button type="button" className="btn btn--ghost" onClick={() => void deptField.commit({ departments: departments.filter((x) => x.id !== d.id) })}>
              {t('handoff.team.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form className="setting setting--inline" onSubmit={(e) => { e.preventDefault(); void addDept(); }}>
        <input className="setting__input" aria-label={t('handoff.team.departmentName')} placeholder={t('handoff.team.departmentName')} value={dept.name} aria-invalid={deptField.state.kind === 'invalid'} aria-describedby={`${ids}-dept-status`} onChange={(e) => { setDept({ ...dept, name: e.target.value }); deptField.clear(); }} />
        <input className="setting__input" type="email" aria-label={t('handoff.team.departmentEmail')} placeholder={t('handoff.team.departmentEmail')} value={dept.email} aria-invalid={deptField.state.kind === 'invalid'} aria-describedby={`${ids}-dept-status`} onChange={(e) => { setDept({ ...dept, email: e.target.value }); deptField.clear(); }} />
        <button type="submit" className="btn btn--secondary" disabled={dept.name.trim() === '' || !/^\S+@\S+$/.test(dept.email.trim())}>
          {t('handoff.team.addDepartment')}
        </button>
      </form>
      <FieldStatus id={`${ids}-dept-status`} state={deptField.state} />

      <h3 className="rules__title">{t('handoff.team.members')}</h3>
      <ul className="plain-list">
        {team.map((m) => (
          <li key={m.id} className="plain-list__row">
            <span>{m.name}</span>
            <label className="setting--inline muted">
              <input type="radio" name="kalm-me" checked={settings.me === m.id} onChange={() => void save({ me: m.id })} />
              {t('handoff.team.thisIsMe')}
            </label>
            <button type="button" className="btn btn--ghost" onClick={() => void memberField.commit({ team: team.filter((x) => x.id !== m.id), ...(settings.me === m.id ? { me: null } : {}) })}>
              {t('handoff.team.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form className="setting setting--inline" onSubmit={(e) => { e.preventDefault(); void addMember(); }}>
        <input className="setting__input" aria-label={t('handoff.team.memberName')} placeholder={t('handoff.team.memberName')} value={member} aria-invalid={memberField.state.kind === 'invalid'} aria-describedby={`${ids}-member-status`} onChange={(e) => { setMember(e.target.value); memberField.clear(); }} />
        <button type="submit" className="btn btn--secondary" disabled={member.trim() === ''}>
          {t('handoff.team.addMember')}
        </button>
      </form>
      <FieldStatus id={`${ids}-member-status`} state={memberField.state} />
    </>
  );
}
