import { Route, Routes } from 'react-router';
import { ExportsPage } from './features/privacy/ExportsPage';
import { PrivacyHomePage } from './features/privacy/PrivacyHomePage';
import { ProvisionApprovalsPage } from './features/privacy/ProvisionApprovalsPage';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import { Notice } from './components/Notice';
import { AuditPage } from './features/audit/AuditPage';
import { RequireActive, RequirePermission, RequireStage } from './features/auth/guards';
import { MfaEnrolPage } from './features/auth/MfaEnrolPage';
import { MfaVerifyPage } from './features/auth/MfaVerifyPage';
import { PasswordChangePage } from './features/auth/PasswordChangePage';
import { SessionProvider } from './features/auth/SessionProvider';
import { SignInPage } from './features/auth/SignInPage';
import { useSession } from './features/auth/useSession';
import { CasePage } from './features/cases/CasePage';
import { ConsulteePage } from './features/consultees/ConsulteePage';
import { ConsulteeRegisterPage } from './features/consultees/ConsulteeRegisterPage';
import { ConsulteeSearchPage } from './features/consultees/ConsulteeSearchPage';
import { HomePage } from './features/home/HomePage';
import { NotFoundPage } from './features/home/NotFoundPage';
import { AgenciesPage } from './features/privacy/AgenciesPage';
import { OutOfPurposeQueuePage } from './features/privacy/OutOfPurposeQueuePage';
import { OutOfPurposeRequestPage } from './features/privacy/OutOfPurposeRequestPage';
import { PurposesPage } from './features/privacy/PurposesPage';
import { JointUsePage } from './features/joint-use/JointUsePage';
import { PublicNoticePage } from './features/public/PublicNoticePage';
import { PublicProfilePage } from './features/public-profile/PublicProfilePage';
import { RegisterEntryPage } from './features/register/RegisterEntryPage';
import { RegisterPage } from './features/register/RegisterPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { OfficesPage } from './features/staff/OfficesPage';
import { StaffCreatePage } from './features/staff/StaffCreatePage';
import { StaffEditPage } from './features/staff/StaffEditPage';
import { StaffListPage } from './features/staff/StaffListPage';

export function App() {
  // The public notice (DSR-1, PUB-1) is for anyone: it renders outside the session,
  // so no session is read and nobody is sent to sign in.
  return (
    <Routes>
      <Route path="/public/:tenantCode" element={<PublicNoticePage />} />
      <Route
        path="*"
        element={
          <SessionProvider>
            <Screens />
          </SessionProvider>
        }
      />
    </Routes>
  );
}

function Screens() {
  const { status } = useSession();
  if (status === 'unavailable') return <Unavailable />;
  if (status === 'loading') return <Loading />;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/login" element={<SignInPage />} />
        <Route element={<RequireStage stage="mfa_verify" />}>
          <Route path="/login/mfa" element={<MfaVerifyPage />} />
        </Route>
        <Route element={<RequireStage stage="password_change" />}>
          <Route path="/login/password" element={<PasswordChangePage />} />
        </Route>
        <Route element={<RequireStage stage="mfa_enrol" />}>
          <Route path="/login/mfa-setup" element={<MfaEnrolPage />} />
        </Route>
        <Route element={<RequireActive />}>
          <Route index element={<HomePage />} />
          <Route path="/password" element={<PasswordChangePage />} />
          <Route path="/mfa-setup" element={<MfaEnrolPage />} />
          <Route element={<RequirePermission permission="consultee.read" />}>
            <Route path="/consultees" element={<ConsulteeSearchPage />} />
            <Route path="/consultees/:consulteeId" element={<ConsulteePage />} />
            <Route path="/cases/:caseId" element={<CasePage />} />
            <Route element={<RequirePermission permission="consultee.write" />}>
              <Route path="/consultees/new" element={<ConsulteeRegisterPage />} />
            </Route>
          </Route>
          <Route element={<RequirePermission permission="privacy.reference" />}>
            <Route path="/privacy" element={<PrivacyHomePage />} />
          </Route>
          <Route element={<RequirePermission permission="provision.approve" />}>
            <Route path="/privacy/provisions" element={<ProvisionApprovalsPage />} />
          </Route>
          <Route element={<RequirePermission permission="consultee.read" />}>
            <Route path="/exports" element={<ExportsPage />} />
          </Route>
          <Route element={<RequirePermission permission="privacy.reference" />}>
            <Route path="/privacy/purposes" element={<PurposesPage />} />
            <Route path="/privacy/agencies" element={<AgenciesPage />} />
          </Route>
          <Route element={<RequirePermission permission="provision.approve" />}>
            <Route path="/privacy/out-of-purpose" element={<OutOfPurposeQueuePage />} />
            <Route path="/privacy/out-of-purpose/:consulteeId/:requestId" element={<OutOfPurposeRequestPage />} />
          </Route>
          <Route element={<RequirePermission permission="privacy.reference" />}>
            <Route path="/privacy/register" element={<RegisterPage />} />
            <Route path="/privacy/register/:entryId" element={<RegisterEntryPage />} />
            <Route path="/privacy/joint-use" element={<JointUsePage />} />
            <Route path="/privacy/public-profile" element={<PublicProfilePage />} />
          </Route>
          <Route element={<RequirePermission permission="staff.manage" />}>
            <Route path="/staff" element={<StaffListPage />} />
            <Route path="/staff/new" element={<StaffCreatePage />} />
            <Route path="/staff/offices" element={<OfficesPage />} />
            <Route path="/staff/:staffId" element={<StaffEditPage />} />
          </Route>
          <Route element={<RequirePermission permission="tenant.settings" />}>
            <Route path="/settings" element={<SettingsPage />} />
          </Route>
          <Route element={<RequirePermission permission="audit.read" />}>
            <Route path="/audit" element={<AuditPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

function Unavailable() {
  return (
    <main className="main">
      <div className="container narrow">
        <h1 className="page-title">自立相談支援 ケース管理システム</h1>
        <Notice kind="error" title="サーバーに接続できません">
          <p>ネットワークの状態を確認し、しばらくしてからページを再読み込みしてください。</p>
        </Notice>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          再読み込み
        </button>
      </div>
    </main>
  );
}
